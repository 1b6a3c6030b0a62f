package io.tollgate.model;

/** One loaded Istio or Kubernetes object: its kind and its metadata (which carries its file and line). */
public interface Resource {
    String kind();

    ObjectMeta meta();
}
