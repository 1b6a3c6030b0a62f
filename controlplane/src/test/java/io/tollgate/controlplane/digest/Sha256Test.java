package io.tollgate.controlplane.digest;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.DocumentId;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The native path gives exactly the JDK's SHA-256, at every block boundary, and document ids did not change. */
class Sha256Test {

    @Test
    void theKnownAnswerAndTheJdksDigestForEveryLengthAroundTheBlockBoundaries() throws Exception {
        assertThat(HexFormat.of().formatHex(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Random random = new Random(7);
        for (int length : new int[]{0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 1 << 20}) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertThat(Sha256.of(bytes)).as("length %d", length).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
    }

    @Test
    void libcryptoIsUsedWhereTheSystemHasIt() {
        boolean present = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3"))
                || Files.exists(Path.of("/lib/x86_64-linux-gnu/libcrypto.so.3"));
        assumeTrue(present, "no libcrypto 3 where Debian keeps it on x86_64");
        assertThat(Sha256.isNative()).isTrue();
    }

    @Test
    void aDocumentIdIsTheFirstHalfOfSha256OverSourceLineAndText() throws Exception {
        ConfigDocument document = new ConfigDocument("conf/é.yaml", 12, "kind: ServiceEntry\nmetadata: {name: a}\n");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(document.source().getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update("12".getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) 0);
        sha256.update(document.yaml().getBytes(StandardCharsets.UTF_8));
        ByteBuffer expected = ByteBuffer.wrap(sha256.digest());
        assertThat(DocumentId.of(document)).isEqualTo(new DocumentId(expected.getLong(), expected.getLong()));
    }
}
