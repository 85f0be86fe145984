package dev.spark.cli;

import dev.spark.access.ApiKeyView;
import dev.spark.access.ApiKeys;
import dev.spark.access.IssuedKey;
import dev.spark.access.Role;
import dev.spark.validation.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage API keys (used when spark.auth.enabled is on): a key acts as one agent in one space; "
                + "only its SHA-256 hash is stored, so the key is printed once, when it is created.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("spark keys: name a subcommand: create, list or revoke (spark keys --help)");
        return ExitCodes.USAGE;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key and print it once (standard output: the key alone, for scripts).")
    static final class Create implements Callable<Integer> {

        @Option(names = "--agent", required = true, description = "the agent id the key acts as")
        String agent;

        @Option(names = "--space", required = true, description = "the space the key reads and writes, e.g. team-a")
        String space;

        @Option(names = "--admin", description = "may also curate, review merges and quarantine or release lessons")
        boolean admin;

        private final ContextLauncher launcher;

        Create(ContextLauncher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            try (var context = launcher.sharedDatabase(Map.of())) {
                IssuedKey issued = context.getBean(ApiKeys.class).create(agent, space, admin ? Role.ADMIN : Role.AGENT);
                System.err.println("Created " + issued.key().role() + " key " + issued.key().id() + " for agent "
                        + issued.key().agentId() + " in space " + issued.key().space()
                        + ". Keep it now: Spark stores only its hash and cannot show it again.");
                System.out.println(issued.secret());
                return ExitCodes.OK;
            } catch (InvalidInputException e) {
                System.err.println("spark keys create: --" + e.field() + " " + e.problem());
                return ExitCodes.USAGE;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every key (never a secret), revoked ones included.")
    static final class ListKeys implements Callable<Integer> {

        @Option(names = "--json", description = "print a JSON array instead of text")
        boolean json;

        private final ContextLauncher launcher;

        ListKeys(ContextLauncher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            try (var context = launcher.sharedDatabase(Map.of())) {
                List<ApiKeyView> keys = context.getBean(ApiKeys.class).list();
                System.out.println(json ? json(keys) : text(keys));
                return ExitCodes.OK;
            }
        }

        static String json(List<ApiKeyView> keys) {
            List<Map<String, Object>> rows = keys.stream().map(k -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", k.id());
                row.put("agent", k.agentId());
                row.put("space", k.space());
                row.put("role", k.role().name());
                row.put("createdAt", k.createdAt());
                row.put("revokedAt", k.revokedAt());
                return row;
            }).toList();
            return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(rows);
        }

        static String text(List<ApiKeyView> keys) {
            if (keys.isEmpty()) {
                return "No API keys (spark keys create --agent A --space S).";
            }
            StringBuilder out = new StringBuilder(String.format("%-14s %-24s %-16s %-6s %-30s %s%n", "ID", "AGENT", "SPACE", "ROLE",
                    "CREATED", "REVOKED"));
            keys.forEach(k -> out.append(String.format("%-14s %-24s %-16s %-6s %-30s %s%n", k.id(), k.agentId(), k.space(), k.role(),
                    k.createdAt(), k.revokedAt() == null ? "-" : k.revokedAt())));
            return out.toString().stripTrailing();
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key: requests with it are refused from now on.")
    static final class Revoke implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "ID", description = "the key's id (spark keys list)")
        String id;

        private final ContextLauncher launcher;

        Revoke(ContextLauncher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            try (var context = launcher.sharedDatabase(Map.of())) {
                ApiKeyView key = context.getBean(ApiKeys.class).revoke(id);
                System.out.println("Revoked key " + key.id() + " (agent " + key.agentId() + ", space " + key.space() + ") at "
                        + key.revokedAt());
                return ExitCodes.OK;
            } catch (InvalidInputException e) {
                System.err.println("spark keys revoke: " + e.problem());
                return ExitCodes.USAGE;
            }
        }
    }
}
