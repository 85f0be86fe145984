package dev.spark.experience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.experience.internal.SecretRedactor.Redaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRedactorTest {

    private final SecretRedactor redactor = new SecretRedactor();

    private String redact(String text) {
        return redactor.redact(text).text();
    }

    @Test
    void awsAccessKeyIds() {
        Redaction r = redactor.redact("aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE --profile x");
        assertThat(r.text()).isEqualTo("aws configure set aws_access_key_id [REDACTED:aws_access_key] --profile x");
        assertThat(r.count()).isEqualTo(1);
    }

    @Test
    void vendorTokens() {
        assertThat(redact("client = OpenAI(api_key=\"sk-proj-abcdefghijklmnopqrstuvwxyz0123\")"))
                .isEqualTo("client = OpenAI(api_key=\"[REDACTED:api_key]\")");
        assertThat(redact("export OPENAI_KEY sk-abcdefghijklmnopqrstuvwxyz012345"))
                .isEqualTo("export OPENAI_KEY [REDACTED:api_key]");
        assertThat(redact("git clone https://ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789@github.com/o/r"))
                .doesNotContain("ghp_").contains("[REDACTED:github_token]");
        assertThat(redact("GH=github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"))
                .doesNotContain("github_pat_");
        assertThat(redact("slack: xoxb-1234567890-abcdefghijklmn")).isEqualTo("slack: [REDACTED:slack_token]");
        assertThat(redact("key AIzaSyA-1234567890abcdefghijklmnopqrstu in url"))
                .isEqualTo("key [REDACTED:google_api_key] in url");
    }

    @Test
    void bearerTokensAndBasicAuth() {
        assertThat(redact("curl -H 'Authorization: Bearer abc123.def456-ghi789' https://api.example.com"))
                .isEqualTo("curl -H 'Authorization: Bearer [REDACTED:bearer_token]' https://api.example.com");
        assertThat(redact("headers = {'Authorization': 'Basic dXNlcjpwYXNzd29yZA=='}"))
                .isEqualTo("headers = {'Authorization': 'Basic [REDACTED:basic_auth]'}");
        // Prose about bearer tokens has no token in it.
        assertThat(redact("Use Bearer authentication for this endpoint")).isEqualTo("Use Bearer authentication for this endpoint");
    }

    @Test
    void jsonWebTokens() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        Redaction r = redactor.redact("session=" + jwt + ";");
        assertThat(r.text()).doesNotContain("eyJ").contains("[REDACTED:");
        assertThat(redact("cookie " + jwt)).isEqualTo("cookie [REDACTED:jwt]");
    }

    @Test
    void assignmentsKeepTheKey() {
        assertThat(redact("password = \"hunter2\"")).isEqualTo("password = \"[REDACTED:password]\"");
        assertThat(redact("db_password='correct horse'")).isEqualTo("db_password='[REDACTED:password]'");
        assertThat(redact("api_key: abc123xyz")).isEqualTo("api_key: [REDACTED:api_key]");
        assertThat(redact("config = {\"secret\": \"s3cr3t\", \"token\": 'tkn-1'}"))
                .isEqualTo("config = {\"secret\": \"[REDACTED:secret]\", \"token\": '[REDACTED:token]'}");
        assertThat(redact("DB_PASSWORD=hunter2\nexport GITHUB_TOKEN=abc\n"))
                .isEqualTo("DB_PASSWORD=[REDACTED:password]\nexport GITHUB_TOKEN=[REDACTED:token]\n");
        assertThat(redact("  password: hunter2")).isEqualTo("  password: [REDACTED:password]");
        assertThat(redact("requests.get('https://x.io/v1?q=1&api_key=AbC123xyz&n=2')"))
                .isEqualTo("requests.get('https://x.io/v1?q=1&api_key=[REDACTED:api_key]&n=2')");
        assertThat(redact("self.secret_key = 'abcdef'")).isEqualTo("self.secret_key = '[REDACTED:api_key]'");
    }

    @Test
    void privateKeyBlocks() {
        String pem = """
                key = '''
                -----BEGIN RSA PRIVATE KEY-----
                MIIEpAIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumzXnGv7oL2hKGyGvx8oKlIaJ
                w0jCrtG9vpeLxB7bh4oHNZ6a1QDw3dj0Iwt7QA==
                -----END RSA PRIVATE KEY-----
                '''
                print(key)
                """;
        Redaction r = redactor.redact(pem);
        assertThat(r.text()).isEqualTo("key = '''\n[REDACTED:private_key]\n'''\nprint(key)\n");
        assertThat(r.count()).isEqualTo(1);
        assertThat(redact("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA (truncated"))
                .isEqualTo("[REDACTED:private_key]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "postgresql", "mysql", "mongodb+srv", "redis", "amqp", "bolt", "neo4j+s", "https"})
    void credentialsInConnectionStrings(String scheme) {
        Redaction r = redactor.redact("url = '" + scheme + "://admin:S3cr3t!@db.example.com:5432/app'");
        assertThat(r.text()).isEqualTo("url = '" + scheme + "://admin:[REDACTED:password]@db.example.com:5432/app'");
        assertThat(r.count()).isEqualTo(1);
    }

    @Test
    void passwordsContainingAtSigns() {
        assertThat(redact("mongodb://u:p@ss@host/db")).isEqualTo("mongodb://u:[REDACTED:password]@host/db");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "df.password_column.str.len()",
        "tokens = text.split()",
        "df.sort_values(by='key')",
        "sorted(pairs, key=lambda x: x[1])",
        "token = tokenizer(text)['input_ids']",
        "api_key = os.environ['OPENAI_API_KEY']",
        "client = Client(api_key=api_key, token=None)",
        "max_tokens = 512",
        "if df.token == 'abc': pass",
        "mask = df['token'] != 'x'",
        "password: str",
        "secret_key: Optional[str] = None",
        "tokenizer = AutoTokenizer.from_pretrained('bert-base-uncased')",
        "num_tokens=len(tokens)",
        "url = 'https://example.com/path?page=2'",
        "ax.set_title('Bearer')",
        "git log --author=someone@example.com",
        "pd.read_sql('select * from t', 'postgresql://localhost/db')",
    })
    void leavesOrdinaryCodeAlone(String code) {
        Redaction r = redactor.redact(code);
        assertThat(r.text()).isEqualTo(code);
        assertThat(r.count()).isZero();
    }

    @Test
    void leavesDataScienceCodeAlone() {
        String code = """
                import numpy as np
                import pandas as pd
                df = pd.read_csv('data.csv', sep=';')
                df['key'] = df['a'].astype(str) + '_' + df['b']
                grouped = df.groupby('key').agg({'value': 'sum', 'token_count': 'max'})
                arr = np.arange(12).reshape(3, 4)
                result = sorted(d.items(), key=lambda kv: kv[1], reverse=True)
                vocab = {token: i for i, token in enumerate(tokens)}
                secret_col = df.filter(like='secret').columns
                """;
        Redaction r = redactor.redact(code);
        assertThat(r.text()).isEqualTo(code);
        assertThat(r.count()).isZero();
    }

    @Test
    void countsEverySecret() {
        Redaction r = redactor.redact("a AKIAIOSFODNN7EXAMPLE b AKIAIOSFODNN7EXAMPLF\npassword = 'x'");
        assertThat(r.count()).isEqualTo(3);
    }

    @Test
    void nullAndEmpty() {
        assertThat(redactor.redact(null)).isEqualTo(new Redaction("", 0));
        assertThat(redactor.redact("")).isEqualTo(new Redaction("", 0));
    }
}
