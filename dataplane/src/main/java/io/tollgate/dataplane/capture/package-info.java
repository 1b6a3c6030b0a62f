/**
 * Linux socket operations for transparent capture, through the FFM API (no JNI): a listener created inside a
 * pod's network namespace ({@link io.tollgate.dataplane.capture.NamespacedListener}), the original destination
 * of a redirected connection ({@link io.tollgate.dataplane.capture.OriginalDestination}, {@code SO_ORIGINAL_DST}),
 * and the sidecar's socket mark ({@link io.tollgate.dataplane.capture.SocketMark}, {@code SO_MARK}). Failed
 * system calls surface as {@link io.tollgate.dataplane.capture.SyscallException} naming the call and errno.
 * The JVM needs {@code --enable-native-access=ALL-UNNAMED}.
 */
package io.tollgate.dataplane.capture;
