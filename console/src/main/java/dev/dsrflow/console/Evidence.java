package dev.dsrflow.console;

import com.fasterxml.jackson.databind.JsonNode;

/** Certificate checks, done by the API's verifier ({@code POST /v1/certificates/verify}). */
final class Evidence {
    private Evidence() {}

    /**
     * Checks a certificate: its JSON as issued, or a bare compact JWS. A JWS certificate is sent as
     * {@code {"jws": …}}, what the verifier reads; a refusal or a text that is neither is invalid.
     */
    static RequestPage.CertificateStatus verify(Api api, ConsoleSession session, String certificateText) {
        String text = certificateText.trim();
        JsonNode certificate = api.readOrNull(text);
        if (certificate == null && text.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+")) {
            certificate = api.object().put("jws", text);
        }
        if (certificate == null || !certificate.isObject()) {
            return new RequestPage.CertificateStatus(false, "This is not a certificate (a JSON object).", null);
        }
        if (certificate.hasNonNull("jws")) {
            certificate = api.object().put("jws", certificate.path("jws").asText());
        }
        try {
            JsonNode answer = api.post(session, "/v1/certificates/verify", certificate.toString());
            boolean valid = answer.path("valid").asBoolean(false);
            String reason = answer.path("reason").asText(null);
            if (!valid && (reason == null || reason.isBlank())) {
                reason = "The signature does not match the certificate's contents.";
            }
            JsonNode payload = answer.has("payload") ? answer.path("payload") : answer.path("evidence");
            return new RequestPage.CertificateStatus(
                    valid, valid ? null : reason, payload.isMissingNode() || payload.isNull() ? null : pretty(payload));
        } catch (ApiRefusal refusal) {
            return new RequestPage.CertificateStatus(false, refusal.describe(), null);
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return node.toString();
        }
    }
}
