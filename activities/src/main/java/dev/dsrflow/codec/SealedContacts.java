package dev.dsrflow.codec;

import java.nio.charset.StandardCharsets;

/**
 * Seals a data subject's contact address (AES-GCM under the codec keys) for the ledger. The
 * address is opened only by the notice activity, to send a notice; it never enters a log line,
 * a workflow id or payload, a search attribute or a ledger event.
 */
public final class SealedContacts {
    private final Sealing sealing;

    public SealedContacts(CodecKeys keys) {
        this.sealing = new Sealing(keys);
    }

    public byte[] seal(String address) {
        return sealing.seal(address.getBytes(StandardCharsets.UTF_8));
    }

    public String open(byte[] sealed) {
        return new String(sealing.open(sealed), StandardCharsets.UTF_8);
    }
}
