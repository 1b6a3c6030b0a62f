package io.tollgate.model.load;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected form of a field Tollgate accepts but does not use (a DestinationRule's {@code outlierDetection},
 * MeshConfig fields for HTTP, ...). Such fields are checked like any other, so that a misspelt or mistyped field
 * is still an error as it would be for Istio, and then kept as plain values ({@link ShapeReader}).
 */
sealed interface Shape {
    Shape STRING = new Str();
    Shape BOOL = new Bool();
    Shape NUMBER = new Num(-Double.MAX_VALUE, Double.MAX_VALUE);
    Shape PERCENT = new Num(0, 100);
    Shape ANY = new Any();
    Shape UINT32 = new Int(0, 4_294_967_295L);
    Shape INT32 = new Int(Integer.MIN_VALUE, Integer.MAX_VALUE);
    /** A duration the CRD requires to be at least 1ms. */
    Shape DURATION = new Dur(true);
    /** A duration where {@code 0s} is allowed (it turns the setting off). */
    Shape DURATION_OR_ZERO = new Dur(false);

    record Str() implements Shape {
    }

    record Bool() implements Shape {
    }

    record Num(double min, double max) implements Shape {
    }

    /** Any YAML value: used only where the brief asks to keep HTTP-only config loosely. */
    record Any() implements Shape {
    }

    record Int(long min, long max) implements Shape {
    }

    record Dur(boolean atLeastOneMillisecond) implements Shape {
    }

    record Choice(List<String> values) implements Shape {
        public Choice {
            values = List.copyOf(values);
        }
    }

    record ListOf(Shape element) implements Shape {
    }

    record MapOf(Shape value) implements Shape {
    }

    record Obj(Map<String, Shape> fields, Set<String> required) implements Shape {
        public Obj {
            fields = Map.copyOf(fields);
            required = Set.copyOf(required);
        }
    }

    static Shape choice(String... values) {
        return new Choice(List.of(values));
    }

    static Shape listOf(Shape element) {
        return new ListOf(element);
    }

    static Shape mapOf(Shape value) {
        return new MapOf(value);
    }

    static Shape obj(Map<String, Shape> fields) {
        return new Obj(fields, Set.of());
    }

    static Shape obj(Map<String, Shape> fields, String... required) {
        return new Obj(fields, Set.of(required));
    }
}
