package dev.spark.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneParameterTest {

    @Test
    void everyParameterIsReadFromTheOneMap() {
        assertThat(OneParameter.statement("CREATE (l:Lesson {id: $id, code: $code}) WITH l UNWIND $apis AS name RETURN name[..$docs_1]"))
                .isEqualTo("CREATE (l:Lesson {id: $p.id, code: $p.code}) WITH l UNWIND $p.apis AS name RETURN name[..$p.docs_1]");
    }

    @Test
    void aStatementAlreadyUsingTheNameIsRefused() {
        assertThatThrownBy(() -> OneParameter.statement("RETURN $p")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesMayBeNull() {
        Map<String, Object> values = new HashMap<>();
        values.put("code", null);
        assertThat(OneParameter.values(values)).containsOnlyKeys("p");
    }
}
