package dev.spark.access;

import dev.spark.access.internal.ApiKeyRepository;
import dev.spark.validation.Check;
import dev.spark.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * API keys: {@code spk_<id>_<secret>}, the secret 32 random bytes (base64url). Only the SHA-256 of the secret is
 * stored: a 256-bit random secret cannot be guessed from its hash, so a slow password hash would buy nothing and
 * cost every request. Verification looks the key up by id and compares hashes in constant time.
 */
@Service
public class ApiKeys {

    public static final String PREFIX = "spk_";
    public static final int MAX_AGENT_ID = 128;
    public static final int MAX_SPACE = 64;
    public static final String COMMONS = "commons";

    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._:@/-]+");
    private static final Pattern SPACE = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern KEY = Pattern.compile("spk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final int SECRET_BYTES = 32;

    private final ApiKeyRepository repo;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(ApiKeyRepository repo) {
        this.repo = repo;
    }

    /** Creates a key for {@code agentId} in {@code space}; the returned secret is never shown again. */
    public IssuedKey create(String agentId, String space, Role role) {
        String agent = Check.text("agent", agentId, MAX_AGENT_ID);
        if (!AGENT_ID.matcher(agent).matches()) {
            throw new InvalidInputException("agent", "may hold only letters, digits and . _ : @ / -");
        }
        String spaceId = Check.text("space", space, MAX_SPACE);
        if (!SPACE.matcher(spaceId).matches()) {
            throw new InvalidInputException("space", "must be a lower-case name (letters, digits, _ and -)");
        }
        byte[] idBytes = new byte[6];
        random.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        byte[] secretBytes = new byte[SECRET_BYTES];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiKeyView key = repo.create(id, agent, spaceId, role == null ? Role.AGENT : role, hash(secret));
        return new IssuedKey(key, PREFIX + id + "_" + secret);
    }

    /** Every key, oldest first, revoked ones included; never a secret. */
    public List<ApiKeyView> list() {
        return repo.list();
    }

    /** Revokes a key for good; requests with it are refused from the next one on. */
    public ApiKeyView revoke(String id) {
        String keyId = Check.text("id", id, 64);
        return repo.revoke(keyId).orElseThrow(() -> new InvalidInputException("id", "no API key has the id '" + keyId + "'"));
    }

    /** The caller a presented key stands for: empty when it is malformed, unknown, revoked or its secret is wrong. */
    public Optional<Caller> verify(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(presented.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<ApiKeyRepository.StoredKey> stored = repo.find(m.group(1));
        // compared even for an unknown id, so that timing does not tell known ids from unknown ones
        byte[] expected = stored.map(s -> HexFormat.of().parseHex(s.hash())).orElse(new byte[32]);
        boolean matches = MessageDigest.isEqual(expected, digest(m.group(2)));
        if (stored.isEmpty() || !matches || stored.get().key().revoked()) {
            return Optional.empty();
        }
        ApiKeyView key = stored.get().key();
        return Optional.of(new Caller(key.agentId(), key.space(), key.role(), key.id()));
    }

    /**
     * The caller behind an {@code Authorization} header value ({@code Bearer <key>}).
     *
     * @throws UnauthenticatedException naming the header when it is missing, not a bearer key, or the key is not valid
     */
    public Caller authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new UnauthenticatedException("Missing API key: send the header 'Authorization: Bearer <key>' "
                    + "(create a key with `spark keys create`; " + AccessProperties.ENABLED + " is on)");
        }
        String value = authorizationHeader.strip();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthenticatedException("The 'Authorization' header must be 'Bearer <key>'");
        }
        return verify(value.substring(7)).orElseThrow(() -> new UnauthenticatedException(
                "Invalid API key in the 'Authorization' header: unknown, revoked or mistyped"));
    }

    /** The hex SHA-256 of a key's secret part, as stored. */
    static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
