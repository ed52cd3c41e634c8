package dev.dsrflow.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.dsrflow.certificate.CertificateVerifier;
import dev.dsrflow.certificate.EvidenceJson;
import dev.dsrflow.ledger.HistoryVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The auditor's offline check: {@code java -jar dsrflow.jar verify <file> --keys keys.json}. The
 * file is a deletion certificate (the {@code certificate} of a request view, or the bare JWS) or a
 * history export (the answer of {@code GET /v1/requests/{id}/history}); the keys are the JWKS of
 * {@code GET /v1/certificates/keys}. Needs nothing else: no database, no server, no secret. Prints
 * one line; exit code 0 when valid, 1 when not, 2 for a usage error.
 */
@Command(
        name = "dsrflow verify",
        mixinStandardHelpOptions = true,
        description = "Checks a deletion certificate or a request history export against the published public keys.")
public final class VerifyCommand implements Callable<Integer> {
    static final int VALID = 0;
    static final int INVALID = 1;

    @Parameters(paramLabel = "FILE", description = "certificate.json (or the bare JWS) or history.json")
    private Path file;

    @Option(
            names = "--keys",
            required = true,
            paramLabel = "KEYS",
            description = "the JWKS from GET /v1/certificates/keys")
    private Path keys;

    private PrintWriter out;

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        VerifyCommand command = new VerifyCommand();
        command.out = out;
        return new CommandLine(command).setOut(out).setErr(err).execute(args);
    }

    /** Entry point of {@code java -jar dsrflow.jar verify …}. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    @Override
    public Integer call() {
        JWKSet publicKeys;
        String text;
        try {
            publicKeys = JWKSet.parse(Files.readString(keys)).toPublicJWKSet();
            text = Files.readString(file);
        } catch (IOException | ParseException e) {
            return report(false, "cannot read " + (e instanceof ParseException ? "the keys: " : "") + e.getMessage());
        }
        if (isHistory(text)) {
            HistoryVerifier.Verdict verdict = new HistoryVerifier(publicKeys).check(text);
            return report(verdict.valid(), "history: " + verdict.reason());
        }
        CertificateVerifier.Verdict verdict = new CertificateVerifier(publicKeys).check(text);
        return report(verdict.valid(), "certificate: " + verdict.reason());
    }

    private int report(boolean valid, String reason) {
        out.println((valid ? "VALID " : "INVALID ") + reason);
        out.flush();
        return valid ? VALID : INVALID;
    }

    private static boolean isHistory(String text) {
        if (!text.trim().startsWith("{")) {
            return false;
        }
        try {
            JsonNode doc = EvidenceJson.MAPPER.readTree(text);
            return doc.has("events");
        } catch (IOException e) {
            return false;
        }
    }
}
