package dev.spark.experience.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.experience.python.ApiTables.Gives;
import dev.spark.experience.python.ApiTables.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiTablesTest {

    @Test
    void shippedTablesKnowTheMainTypes() {
        ApiTables tables = ApiTables.standard();
        assertThat(tables.members("pandas.DataFrame")).hasValueSatisfying(m -> assertThat(m).contains("groupby", "loc"));
        assertThat(tables.primaryType("torch")).contains("torch.Tensor");
        assertThat(tables.onCall("pandas.read_parquet")).isEqualTo(new Gives(Result.TYPE, "pandas.DataFrame"));
        assertThat(tables.onCall("pandas.io.json.json_normalize")).isEqualTo(new Gives(Result.TYPE, "pandas.DataFrame"));
        assertThat(tables.onCall("sklearn.svm.LinearSVC")).isEqualTo(new Gives(Result.SELF, null));
        assertThat(tables.onCall("scipy.sparse.coo_matrix")).isEqualTo(new Gives(Result.SELF, null));
        assertThat(tables.onMember("pandas.Series", "str", false)).isEqualTo(new Gives(Result.PATH, null));
        assertThat(tables.onSubscript("pandas.DataFrame", true)).isEqualTo(new Gives(Result.TYPE, "pandas.Series"));
    }

    @Test
    void theFirstMatchingRuleWins() {
        ApiTables tables = ApiTables.parse("test", List.of(
                "call\tlib.**\tspecial\tlib.Special",
                "call\tlib.**\t*\tnothing",
                "call\tlib.**\tspecial\tlib.Never",
                "method\t**\tfit\tself",
                "method\tlib.Model\t*\tlib.Other"));
        assertThat(tables.onCall("lib.sub.special")).isEqualTo(new Gives(Result.TYPE, "lib.Special"));
        assertThat(tables.onCall("lib.other")).isEqualTo(Gives.NOTHING);
        assertThat(tables.onCall("elsewhere.special")).isEqualTo(Gives.NOTHING);
        assertThat(tables.onMember("lib.Model", "fit", true)).isEqualTo(new Gives(Result.SELF, null));
        assertThat(tables.onMember("lib.Model", "fit", false)).isEqualTo(Gives.NOTHING);
        assertThat(tables.onMember("lib.Model", "predict", true)).isEqualTo(new Gives(Result.TYPE, "lib.Other"));
    }

    @Test
    void patternsMatchWholeSegments() {
        ApiTables tables = ApiTables.parse("test", List.of(
                "call\ttorch\t*\ttorch.Tensor",
                "call\ttorch.*.functional\t*_fn\ttorch.Tensor",
                "call\t**\t{Class}\tself"));
        assertThat(tables.onCall("torch.cat").result()).isEqualTo(Result.TYPE);
        assertThat(tables.onCall("torch.nn.cat").result()).isEqualTo(Result.NOTHING);
        assertThat(tables.onCall("torch.nn.functional.relu_fn").result()).isEqualTo(Result.TYPE);
        assertThat(tables.onCall("torch.nn.functional.relu").result()).isEqualTo(Result.NOTHING);
        assertThat(tables.onCall("torchvision.cat").result()).isEqualTo(Result.NOTHING);
        assertThat(tables.onCall("x.y.Model").result()).isEqualTo(Result.SELF);
        assertThat(tables.onCall("x.y.NAN").result()).isEqualTo(Result.NOTHING);
    }

    @Test
    void malformedRowsNameTheirLine() {
        assertThatThrownBy(() -> ApiTables.parse("t.tsv", List.of("# comment", "", "alias\tpd")))
                .hasMessageContaining("t.tsv line 3").hasMessageContaining("'alias' takes 3 or 4");
        assertThatThrownBy(() -> ApiTables.parse("t.tsv", List.of("returns\ta\tb")))
                .hasMessageContaining("t.tsv line 1").hasMessageContaining("unknown form 'returns'");
        assertThatThrownBy(() -> ApiTables.parse("t.tsv", List.of("call\tpandas..x\t*\tnothing")))
                .hasMessageContaining("line 1").hasMessageContaining("not a dotted pattern");
        assertThatThrownBy(() -> ApiTables.parse("t.tsv", List.of("words\ta\tb", "method\tT\t@missing\tnothing")))
                .hasMessageContaining("t.tsv line 2").hasMessageContaining("no word list named 'missing'");
        assertThatThrownBy(() -> ApiTables.parse("t.tsv", List.of("convention\tpandas\tpandas.DataFrame\tdf(")))
                .hasMessageContaining("line 1").hasMessageContaining("not a regular expression");
        assertThatThrownBy(() -> ApiTables.parse("t.tsv", List.of("method\tT\tre*ad\tnothing")))
                .hasMessageContaining("line 1").hasMessageContaining("'re*ad' is not a name");
    }

    @Test
    void wordListsMayBeUsedBeforeTheirLaterRows() {
        ApiTables tables = ApiTables.parse("test", List.of(
                "words\tcheap\thead",
                "method\tlib.Frame\t@cheap\tnothing",
                "method\tlib.Frame\t*\tlib.Frame",
                "words\tcheap\ttail"));
        assertThat(tables.onMember("lib.Frame", "tail", true)).isEqualTo(Gives.NOTHING);
        assertThat(tables.onMember("lib.Frame", "sort", true)).isEqualTo(new Gives(Result.TYPE, "lib.Frame"));
    }
}
