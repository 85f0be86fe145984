package dev.spark.access;

/**
 * A key just created. {@link #secret()} is the whole bearer token, {@code spk_<id>_<secret>}: it is shown this once
 * and stored only as the SHA-256 hash of its secret part.
 */
public record IssuedKey(ApiKeyView key, String secret) {

    @Override
    public String toString() {
        return "IssuedKey[" + key + "]"; // never the secret, e.g. in a log line
    }
}
