package io.tollgate.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code openssl} binary in a directory: the independent judge of what the CA makes. */
final class Openssl {
    record Result(int exitCode, String output) {
    }

    private Openssl() {
    }

    static Result run(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("openssl " + arguments[0] + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }

    static String ok(Path directory, String... arguments) throws IOException, InterruptedException {
        Result result = run(directory, arguments);
        if (result.exitCode() != 0) {
            throw new IOException("openssl " + String.join(" ", arguments) + " failed: " + result.output());
        }
        return result.output();
    }

    /**
     * Makes an Istio-style plug-in CA in {@code directory} the way Istio's tools/certs Makefile does: a root, an
     * intermediate signed by it (RSA, as Istio's samples), ca-cert.pem, ca-key.pem, root-cert.pem, cert-chain.pem.
     * The root key is EC in OpenSSL's own format (EC PARAMETERS + EC PRIVATE KEY) to exercise that parser too.
     */
    static void makePlugInCa(Path directory) throws IOException, InterruptedException {
        ok(directory, "ecparam", "-genkey", "-name", "prime256v1", "-out", "root-key.pem");
        ok(directory, "req", "-x509", "-new", "-key", "root-key.pem", "-out", "root-cert.pem", "-days", "3650",
                "-subj", "/O=Istio/CN=Root CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign,digitalSignature");
        ok(directory, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca-key.pem", "-out", "ca.csr",
                "-subj", "/O=Istio/CN=Intermediate CA/L=cluster1");
        Files.writeString(directory.resolve("ca.ext"), """
                basicConstraints=critical,CA:TRUE,pathlen:0
                keyUsage=critical,digitalSignature,nonRepudiation,keyEncipherment,keyCertSign
                subjectAltName=DNS.1:istiod.istio-system.svc
                """);
        ok(directory, "x509", "-req", "-in", "ca.csr", "-CA", "root-cert.pem", "-CAkey", "root-key.pem", "-CAcreateserial",
                "-out", "ca-cert.pem", "-days", "730", "-extfile", "ca.ext");
        Files.writeString(directory.resolve("cert-chain.pem"),
                Files.readString(directory.resolve("ca-cert.pem")) + Files.readString(directory.resolve("root-cert.pem")));
    }
}
