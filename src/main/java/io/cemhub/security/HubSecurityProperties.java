package io.cemhub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may log in ({@code cem.security.*}): users and API keys from config/users.yaml and from these
 * settings (so that the environment can add them), and the optional OIDC/JWT mode.
 */
@ConfigurationProperties("cem.security")
public class HubSecurityProperties {

    /** Users and API keys file in the config directory. */
    private String usersFile = "users.yaml";
    private List<HubUser> users = new ArrayList<>();
    private List<ApiKey> apiKeys = new ArrayList<>();
    private String apiKeyHeader = "X-API-Key";
    private final Jwt jwt = new Jwt();

    public String getUsersFile() { return usersFile; }
    public void setUsersFile(String usersFile) { this.usersFile = usersFile; }
    public List<HubUser> getUsers() { return users; }
    public void setUsers(List<HubUser> users) { this.users = users; }
    public List<ApiKey> getApiKeys() { return apiKeys; }
    public void setApiKeys(List<ApiKey> apiKeys) { this.apiKeys = apiKeys; }
    public String getApiKeyHeader() { return apiKeyHeader; }
    public void setApiKeyHeader(String apiKeyHeader) { this.apiKeyHeader = apiKeyHeader; }
    public Jwt getJwt() { return jwt; }

    /**
     * Bearer tokens from an OIDC provider, besides users and keys. The issuer and keys come from Spring's
     * own settings ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
     * {@code public-key-location}); roles from a claim holding names of {@link Role}.
     */
    public static class Jwt {
        private boolean enabled;
        private String rolesClaim = "roles";
        private String customerClaim = "customer_id";

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getRolesClaim() { return rolesClaim; }
        public void setRolesClaim(String rolesClaim) { this.rolesClaim = rolesClaim; }
        public String getCustomerClaim() { return customerClaim; }
        public void setCustomerClaim(String customerClaim) { this.customerClaim = customerClaim; }
    }
}
