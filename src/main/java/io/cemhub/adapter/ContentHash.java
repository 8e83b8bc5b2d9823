package io.cemhub.adapter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bean {@code cemContentHash}: the SHA-256 of a body, the key of the file routes' idempotent consumer,
 * so that the same content dropped twice (under any name) is taken in once.
 */
public class ContentHash {

    public String of(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
