package io.tollgate.model.load;

import org.snakeyaml.engine.v2.nodes.NodeTuple;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The entries of one YAML mapping by key, in the order written, each marked once a reader has asked for it (what
 * is never asked for is an unknown field). For {@link MappingReader}, which makes one for every mapping of every
 * document loaded: most hold a handful of keys, which are found by a scan of two arrays, cheaper than a hash map's
 * nodes and table; a large mapping (labels, annotations) gets a hash index, so that no mapping is quadratic.
 * Single-threaded, one per mapping.
 */
final class MappingEntries {
    /** Up to this many keys, a scan; past it, a hash index too. */
    private static final int SCAN = 12;

    private String[] keys;
    private NodeTuple[] tuples;
    private boolean[] consumed;
    private int size;
    private Map<String, Integer> index; // null until the mapping has more than SCAN keys

    MappingEntries(int expected) {
        int capacity = Math.max(expected, 1);
        keys = new String[capacity];
        tuples = new NodeTuple[capacity];
        consumed = new boolean[capacity];
    }

    /** Adds {@code key} unless already there; returns the tuple first written with it, or null if it is new. */
    NodeTuple addIfAbsent(String key, NodeTuple tuple) {
        int at = find(key);
        if (at >= 0) {
            return tuples[at];
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            tuples = Arrays.copyOf(tuples, size * 2);
            consumed = Arrays.copyOf(consumed, size * 2);
        }
        keys[size] = key;
        tuples[size] = tuple;
        if (index != null) {
            index.put(key, size);
        } else if (size == SCAN) {
            index = HashMap.newHashMap(keys.length);
            for (int i = 0; i <= size; i++) {
                index.put(keys[i], i);
            }
        }
        size++;
        return null;
    }

    /** The position of {@code key}, or -1. */
    int find(String key) {
        if (index != null) {
            Integer at = index.get(key);
            return at == null ? -1 : at;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    int size() {
        return size;
    }

    String key(int at) {
        return keys[at];
    }

    NodeTuple tuple(int at) {
        return tuples[at];
    }

    boolean consumed(int at) {
        return consumed[at];
    }

    void consume(int at) {
        consumed[at] = true;
    }
}
