package dev.spark.cli;

import dev.spark.ops.MemoryStats;
import dev.spark.ops.StatsReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Show what the memory holds: nodes per label, relationships per type, lessons per status, every "
                + "index with its state and population, the curation backlog and the store's size on disk.")
final class StatsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Mixin
    StoreOption store = new StoreOption();

    private final ContextLauncher launcher;

    StatsCommand(ContextLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        try (var context = store.open(launcher)) {
            StatsReport stats = context.getBean(MemoryStats.class).read();
            System.out.println(json ? json(stats) : text(stats));
            return ExitCodes.OK;
        }
    }

    static String json(StatsReport stats) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodes", stats.nodes());
        out.put("relationships", stats.relationships());
        out.put("lessons", stats.lessons());
        out.put("indexes", stats.indexes().stream().map(i -> {
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("name", i.name());
            index.put("type", i.type());
            index.put("state", i.state());
            index.put("populationPercent", i.populationPercent());
            index.put("labels", i.labels());
            index.put("properties", i.properties());
            return index;
        }).toList());
        Map<String, Object> curation = new LinkedHashMap<>();
        curation.put("pendingTraces", stats.pendingTraces());
        curation.put("oldestPending", stats.oldestPending().orElse(null));
        curation.put("lastRun", stats.lastCurationRun().orElse(null));
        out.put("curation", curation);
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("directory", stats.storeDirectory().orElse(null));
        store.put("bytes", stats.storeBytes().orElse(null));
        out.put("store", store);
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(out);
    }

    static String text(StatsReport stats) {
        StringBuilder out = new StringBuilder();
        out.append("Nodes\n");
        stats.nodes().forEach((label, n) -> out.append(String.format("  %-20s %,12d%n", label, n)));
        out.append("Relationships\n");
        stats.relationships().forEach((type, n) -> out.append(String.format("  %-20s %,12d%n", type, n)));
        out.append("Lessons by status\n");
        if (stats.lessons().isEmpty()) {
            out.append("  (none)\n");
        }
        stats.lessons().forEach((status, n) -> out.append(String.format("  %-20s %,12d%n", status, n)));
        out.append("Indexes\n");
        stats.indexes().forEach(i -> out.append(String.format("  %-28s %-8s %-10s %5.1f%%  %s%s%n", i.name(), i.type(), i.state(),
                i.populationPercent(), i.labels(), i.properties())));
        out.append(String.format("Curation backlog: %d trace(s)%s%n", stats.pendingTraces(),
                stats.oldestPending().map(t -> ", oldest recorded " + t).orElse("")));
        stats.lastCurationRun().ifPresent(r -> out.append(String.format("Last curation run: %s %s at %s%n", r.get("id"), r.get("status"),
                r.get("finishedAt"))));
        out.append(stats.storeBytes().map(bytes -> String.format("Store on disk: %.1f MB in %s", bytes / 1e6, stats.storeDirectory().orElseThrow()))
                .orElse("Store on disk: not on this machine (external database)"));
        return out.toString();
    }
}
