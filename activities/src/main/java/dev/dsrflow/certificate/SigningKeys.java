package dev.dsrflow.certificate;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Ed25519 keys that sign deletion certificates and ledger heads (JWS, {@code alg} EdDSA, with
 * a {@code kid}). The first key signs; every key, the retired ones included, stays in the public
 * JWKS so certificates signed before a rotation still verify. Configured as
 * {@code kid:base64secret[,retired-kid:base64secret...]} (env {@code DSRFLOW_CERTIFICATE_KEYS}); each
 * key pair is derived from the SHA-256 of its secret, so a secret of any length of at least 32
 * random bytes names exactly one key pair.
 */
public final class SigningKeys {
    private final OctetKeyPair current;
    private final JWKSet publicKeys;

    private SigningKeys(List<OctetKeyPair> keys) {
        this.current = keys.get(0);
        this.publicKeys =
                new JWKSet(keys.stream().map(k -> (JWK) k.toPublicJWK()).toList());
    }

    /** One signing key. */
    public static SigningKeys of(String keyId, byte[] secret) {
        return new SigningKeys(List.of(keyPair(keyId, secret)));
    }

    /** Parses {@code kid:base64secret,...}, current first. */
    public static SigningKeys parse(String config) {
        if (config == null || config.isBlank()) {
            throw new IllegalArgumentException("no certificate key configured (kid:base64secret)");
        }
        List<OctetKeyPair> keys = new ArrayList<>();
        for (String entry : config.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("certificate keys are kid:base64secret, comma-separated");
            }
            String kid = entry.substring(0, colon).trim();
            if (keys.stream().anyMatch(k -> k.getKeyID().equals(kid))) {
                throw new IllegalArgumentException("certificate key id " + kid + " appears twice");
            }
            keys.add(keyPair(
                    kid, Base64.getDecoder().decode(entry.substring(colon + 1).trim())));
        }
        return new SigningKeys(keys);
    }

    /** The id of the key that signs. */
    public String keyId() {
        return current.getKeyID();
    }

    /** The public keys (current and retired), as published at {@code GET /v1/certificates/keys}. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    /** A compact JWS over {@code payload}, typed so that one kind of evidence cannot pass for another. */
    public String sign(String type, byte[] payload) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .keyID(current.getKeyID())
                .type(new JOSEObjectType(type))
                .build();
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            jws.sign(new Ed25519Signer(current));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
        return jws.serialize();
    }

    private static OctetKeyPair keyPair(String keyId, byte[] secret) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("a certificate key needs an id");
        }
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("certificate key " + keyId + ": the secret needs at least 32 bytes");
        }
        try {
            Ed25519Sign.KeyPair pair = Ed25519Sign.KeyPair.newKeyPairFromSeed(sha256(secret));
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(pair.getPublicKey()))
                    .d(Base64URL.encode(pair.getPrivateKey()))
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.EdDSA)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive an Ed25519 key", e);
        }
    }

    private static byte[] sha256(byte[] secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
