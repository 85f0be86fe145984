package dev.spark.experience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.experience.internal.SecretRedactor.Redaction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SecretRedactorProperties {

    private final SecretRedactor redactor = new SecretRedactor();

    @Property(tries = 1000)
    void redactionIsIdempotent(@ForAll("textWithSecrets") String text) {
        Redaction once = redactor.redact(text);
        Redaction twice = redactor.redact(once.text());
        assertThat(twice.text()).isEqualTo(once.text());
        assertThat(twice.count()).isZero();
    }

    @Property(tries = 500)
    void redactionOfArbitraryTextIsIdempotent(@ForAll String text) {
        Redaction once = redactor.redact(text);
        assertThat(redactor.redact(once.text())).isEqualTo(new Redaction(once.text(), 0));
    }

    @Property(tries = 1000)
    void plantedSecretsNeverSurvive(@ForAll("filler") String before, @ForAll("secret") Planted secret,
            @ForAll("filler") String after) {
        String text = before + secret.prefix() + secret.value() + secret.suffix() + after;
        Redaction r = redactor.redact(text);
        assertThat(r.text()).doesNotContain(secret.value());
        assertThat(r.count()).isPositive();
    }

    /** A secret and the context that makes it recognisable (a key name, a URL); the value is what must go. */
    record Planted(String prefix, String value, String suffix) {
    }

    @Provide
    Arbitrary<Planted> secret() {
        Arbitrary<String> alnum = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').ofMinLength(36).ofMaxLength(48);
        Arbitrary<String> upper = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofLength(16);
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .ofMinLength(6).ofMaxLength(20).map(s -> "x" + s);
        return Arbitraries.oneOf(
                upper.map(s -> new Planted(" ", "AKIA" + s, " ")),
                alnum.map(s -> new Planted(" ", "sk-" + s, " ")),
                alnum.map(s -> new Planted(" ", "ghp_" + s, " ")),
                alnum.map(s -> new Planted(" ", "github_pat_" + s, " ")),
                alnum.map(s -> new Planted(" ", "xoxb-" + s, " ")),
                alnum.map(s -> new Planted(" ", "AIza" + s, " ")),
                alnum.map(s -> new Planted("\nAuthorization: Bearer ", s + "9", "\n")),
                Combinators.combine(alnum, alnum, alnum).as((a, b, c) -> new Planted(" ", "eyJ" + a + ".eyJ" + b + "." + c, " ")),
                word.map(s -> new Planted("\npassword = \"", s, "\"\n")),
                word.map(s -> new Planted("\napi_key: ", s, "\n")),
                word.map(s -> new Planted(" {'token': '", s, "'} ")),
                word.map(s -> new Planted("\nSECRET=", s, "\n")),
                word.map(s -> new Planted(" postgres://app:", s, "@db:5432/x ")),
                word.map(s -> new Planted(" mongodb+srv://root:", s, "@cluster0.example.net/ ")),
                alnum.map(s -> new Planted("\n-----BEGIN PRIVATE KEY-----\n", s, "\n-----END PRIVATE KEY-----\n")));
    }

    @Provide
    Arbitrary<String> filler() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("", "import pandas as pd\n", "df.groupby('key').sum()\n", "tokens = s.split()\n",
                        "x = 1\n", "# comment\n"));
    }

    @Provide
    Arbitrary<String> textWithSecrets() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                filler(),
                secret().map(p -> p.prefix() + p.value() + p.suffix()),
                Arbitraries.of("password", "token", "=", ":", "\"", "'", "://", "@", "[REDACTED:", "]", "Bearer ",
                        "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----", "?api_key=", "&", "\n",
                        "AKIA", "eyJ", "sk-", "export ", "  "));
        return pieces.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }
}
