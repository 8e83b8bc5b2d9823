package io.cemhub.security;

import io.cemhub.config.ConfigFiles;
import io.cemhub.config.ConfigYaml;
import org.springframework.core.env.Environment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every account: users and API keys of config/users.yaml and of the settings, plus those the demo adds at
 * start-up. Read by HTTP authentication and by the broker's login.
 */
public class HubAccounts {

    private final Map<String, HubUser> users = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    public HubAccounts(HubSecurityProperties properties, ConfigFiles files, Environment environment) {
        Content content = ConfigYaml.read(files.open(properties.getUsersFile()), files.describe(properties.getUsersFile()),
                environment, Content.class);
        List<HubUser> all = new ArrayList<>(properties.getUsers());
        List<ApiKey> allKeys = new ArrayList<>(properties.getApiKeys());
        if (content != null) {
            all.addAll(content.users() == null ? List.of() : content.users());
            allKeys.addAll(content.apiKeys() == null ? List.of() : content.apiKeys());
        }
        all.forEach(this::add);
        allKeys.forEach(this::add);
    }

    public void add(HubUser user) {
        if (user.username() == null || user.username().isBlank() || user.passwordHash() == null
                || user.passwordHash().isBlank()) {
            return; // a user whose hash the environment did not provide stays disabled
        }
        if (user.roles().contains(Role.CUSTOMER) && user.customerId() == null) {
            throw new IllegalStateException("CUSTOMER user " + user.username() + " needs a customerId");
        }
        users.put(user.username(), user);
    }

    public void add(ApiKey key) {
        if (key.sha256() == null || key.sha256().isBlank()) {
            return;
        }
        keys.put(key.sha256().toLowerCase(java.util.Locale.ROOT), key);
    }

    public Optional<HubUser> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public List<HubUser> users() {
        return List.copyOf(users.values());
    }

    /** The API key whose SHA-256 is that of the presented key. */
    public Optional<ApiKey> apiKey(String presented) {
        return Optional.ofNullable(keys.get(sha256(presented)));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Content(List<HubUser> users, List<ApiKey> apiKeys) {
    }
}
