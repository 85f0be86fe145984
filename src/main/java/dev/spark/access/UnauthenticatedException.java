package dev.spark.access;

/** No valid key: missing, malformed, unknown or revoked. The message names the header and never echoes the key. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
