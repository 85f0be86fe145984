package dev.spark.curation.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides whether a lesson (its text, and the code of a worked example) may be served to other agents. Lessons
 * are read by agents, so a lesson is quarantined when it
 * <ul>
 *   <li>speaks to the reading agent instead of about the task (in English and in the languages agents are most
 *       often addressed in: German, French, Spanish, Italian, Portuguese, Russian, Chinese, Japanese), including
 *       chat-template role markers;</li>
 *   <li>recommends running untrusted or downloaded input ({@code eval}/{@code exec}, a shell, unpickling network
 *       data, {@code curl | sh});</li>
 *   <li>sends the environment, a credential file or a secret to the network;</li>
 *   <li>installs a package whose name imitates a popular one;</li>
 *   <li>turns certificate checks off;</li>
 *   <li>still holds a secret.</li>
 * </ul>
 * Every text is screened in each of its {@link ScreenText#readings readings}, so invisible characters, look-alike
 * letters, comments and base64 do not hide it. Method calls that merely share a name with a dangerous builtin
 * ({@code model.eval()}, {@code df.eval("a + b")}, {@code ast.literal_eval}) pass: the builtin is matched only
 * where it is not an attribute of something.
 */
public final class LessonScreen {

    public static final String INSTRUCTIONS = "instructions aimed at the reading agent";
    public static final String DANGEROUS_CALL = "dangerous call on untrusted input";
    public static final String EXFILTRATION = "sends secrets or the environment to the network";
    public static final String TYPOSQUAT = "installs a look-alike of a popular package";
    public static final String CERTIFICATES_OFF = "turns certificate checks off";
    public static final String SECRET = "holds a secret";

    private record Rule(String reason, Predicate<String> matches) {

        static Rule of(String reason, Pattern pattern) {
            return new Rule(reason, text -> pattern.matcher(text).find());
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** Names that usually hold what a user or the network sent. */
    private static final String UNTRUSTED_NAMES = "input|raw_input|request|req|user\\w*|data|payload|body|params|query|args?|argv|sys\\.argv"
            + "|os\\.environ|untrusted\\w*|cmd|command|code|text|line|msg|message|form|content|stdin|sys\\.stdin|f\\.read|open";
    /** A call's arguments, with one level of nested calls in them ({@code f(a.read(), b)}). */
    private static final String ARGS = "[^()]*(\\([^()]*\\)[^()]*)*";
    /** Calls that return what the network sent. */
    private static final String REMOTE = "(?:requests|httpx|aiohttp|urllib3?|session|client)\\.\\w+\\s*\\(|urlopen\\s*\\(|\\.recv\\w*\\s*\\("
            + "|\\bresp(?:onse)?\\.(?:text|content|read|json)\\b|\\bsocket\\b";

    // ---- speaking to the reading agent -------------------------------------------------------------------------
    private static final String IGNORE_EN = "ignore|disregard|forget|override|bypass|overrule|set\\s+aside|put\\s+aside|pay\\s+no\\s+attention\\s+to|abandon|drop";
    private static final String PRIOR_EN = "previous|prior|above|earlier|preceding|original|initial|system|old|existing|safety|developer'?s?|user'?s?|operator'?s?";
    private static final String ORDERS_EN = "instructions?|prompts?|rules|guidelines|guidance|directions|directives?|policy|policies|constraints|guardrails|orders";

    private static final Pattern INJECTION = any(
            // "ignore all previous instructions", "disregard your guidelines", "ignore the user's instructions"
            "\\b(" + IGNORE_EN + ")\\s+(all\\s+|any\\s+|every\\s+)?(of\\s+)?(the\\s+|your\\s+|its\\s+|these\\s+|those\\s+|my\\s+)?"
                    + "((" + PRIOR_EN + ")\\s+)*(" + ORDERS_EN + ")\\b",
            "\\b(ignore|disregard|forget)\\s+(the|your)\\s+(task|request|question)\\s+(you\\s+were|that\\s+you\\s+were|given|above)",
            "\\b(" + IGNORE_EN + ")\\s+(all\\s+|any\\s+)?(the\\s+|your\\s+)?(" + ORDERS_EN + ")\\s+(you\\s+)?(received|were\\s+given|were\\s+told|got|have\\s+been\\s+given)",
            "\\bforget\\s+everything\\b", "\\bnew\\s+(instructions|rules|orders|task|policy)\\s*:", "\\breset\\s+your\\s+(context|memory|instructions)",
            "\\bstop\\s+following\\s+(the|your)\\s+(user|instructions|task|request|operator)",
            "\\b(supersedes?|overrides?|replaces?|takes\\s+precedence\\s+over)\\s+(all\\s+)?(your|the|any|all)\\s+((previous|prior|system|original)\\s+)*(instructions|prompt|rules|guidelines|policy)",
            "\\byour\\s+(real|true|actual|new|updated|only)\\s+(instructions|task|goal|role|orders|purpose|job)\\s+(is|are)\\b",
            "\\byour\\s+(real|true|actual)\\s+instructions\\b",
            "\\b(override|bypass|disable|ignore)\\s+(its|your|the|all)\\s+(own\\s+)?(safety|security)\\s+(policy|policies|rules|checks|filters|guidelines)",
            // a new identity or mode
            "\\byou\\s+are\\s+(now|no\\s+longer)\\s+(an?\\b|the\\b|in\\b|bound\\b|called\\b|named\\b|free\\b|unrestricted\\b|allowed\\b|\\w*(bot|gpt|shell|agent|assistant|mode)\\b)",
            "\\b(developer|god|jailbreak|jailbroken|dan|unrestricted|unfiltered)\\s+mode\\b", "\\bact\\s+as\\s+(dan|root|an?\\s+unrestricted)\\b",
            "\\b(assistant|agent|ai|model|llm)\\s+(with\\s+)?(no|without)\\s+(any\\s+)?(restrictions|limitations|filters|guardrails)",
            "\\bunrestricted\\s+(assistant|agent|ai|model|llm)\\b",
            "\\bfrom\\s+now\\s+on\\b[^.\\n]{0,40}?\\b(you|always|never|respond|answer|reply|ignore|add|run|execute|output)\\b",
            // hiding things from the person the agent works for
            "\\b(do\\s+not|don'?t|never|without)\\s+(tell|telling|inform|informing|mention|mentioning|reveal|revealing|show|showing|notify|notifying|alert|alerting)"
                    + "\\s+(this\\s+|it\\s+|that\\s+|anything\\s+|these\\s+\\w+\\s+|any\\s+of\\s+this\\s+)?(to\\s+)?(the\\s+)?(user|human|developer|operator|reviewer|owner)s?\\b",
            "\\bsystem\\s+prompt\\b[^.\\n]{0,20}\\b(verbatim|word\\s+for\\s+word)",
            "\\b(print|reveal|show|output|display|repeat|leak|dump|disclose|send|tell\\s+me|include)\\b[^.\\n]{0,40}\\b(system|hidden|initial|secret|internal)\\s+(prompt|instructions|rules|configuration)",
            // addressing the agent that reads the lesson
            "\\b(note|message|instructions?|attention|reminder|important)\\s*(to|for)\\s+(any\\s+|all\\s+|the\\s+)?(ai|llm|language\\s+model|coding\\s+agent|agent|assistant|copilot|bot)s?\\b",
            "\\b(attention|dear|hey|hello|hi|calling\\s+all)\\s*,?\\s+(all\\s+)?(ai|llm|language\\s+model|coding\\s+agent|agent|assistant)s?\\b",
            "\\b(ai|llm|coding)\\s+(agents|assistants|models)\\s*[,:]",
            "\\bif\\s+you\\s+are\\s+an?\\s+(ai|llm|language\\s+model|agent|assistant|bot|coding\\s+agent)\\b",
            "\\b(ai\\s+|llm\\s+|coding\\s+)?(assistant|agent)\\s*[,:]\\s*(you|ignore|from\\s+now|do\\s+not|don'?t|disregard|forget|always|never|stop|change|add|delete|remove|run|push|commit|send|upload)\\b",
            "\\b(the\\s+)?(assistant|agent|ai|model)\\s+must\\s+(now\\s+)?(override|ignore|disregard|disable|bypass|delete|remove|upload|send|not\\s+tell|run|execute)\\b",
            // chat-template role markers that start a new turn inside a lesson
            "<\\|[a-z_]{2,20}\\|>", "\\[/?INST\\]", "<</?SYS>>", "<\\s*/?\\s*(system|instructions?)\\s*>",
            "(?m)^\\s*#{1,4}\\s*(system|instruction|instructions|assistant|human|response)\\s*:?\\s*$",
            "(?s)(?m)^\\s*(human|user)\\s*:.*^\\s*assistant\\s*:",
            "(?m)^\\s*\\[?system\\]?\\s*:\\s*(you|the\\s+assistant|new|override|ignore|from|always|never|do|act|disregard|forget|agents?)\\b",
            "\\[system\\]\\s*(new|override|ignore|you)",
            // German
            "\\b(ignorier(e|en)?|vergiss|vergessen\\s+sie|missachte(n)?)\\s+(alle\\s+|sämtliche\\s+)?(deine\\s+|ihre\\s+|die\\s+)?((vorherigen|bisherigen|früheren|obigen|vorigen|ursprünglichen)\\s+)?(anweisungen|instruktionen|regeln|vorgaben|befehle|richtlinien)",
            "\\b(du\\s+bist|sie\\s+sind)\\s+(jetzt|nun|ab\\s+sofort)\\s+(ein|eine|der|die|kein|keine)\\b",
            "\\b(sag|sage|sagst|erzähl|erzähle|erzählst|verrat|verrate|verrätst)\\s+(dem|der|den)\\s+(nutzer|benutzer|anwender)\\w*\\s+nichts",
            "\\b(gib|zeig|zeige|verrate|nenne)\\b[^.\\n]{0,40}\\bsystem-?prompt",
            "\\b(assistent|agent|ki|modell)\\s+ohne\\s+(jede\\s+|alle\\s+)?(einschränkungen|beschränkungen|regeln)",
            // French
            "\\b(ignore[rsz]?|oublie[rsz]?)\\s+(toutes\\s+|tous\\s+)?(les|tes|vos|ces)\\s+(instructions|consignes|règles|directives)",
            "\\b(affiche[rsz]?|montre[rsz]?|révèle[rsz]?|donne[rsz]?)\\b[^.\\n]{0,30}\\b(prompt|invite|instructions?)\\s+(système|systeme)",
            "\\b(désormais|dorénavant|à\\s+partir\\s+de\\s+maintenant)\\s*,?\\s*(tu|vous)\\b", "\\b(tu\\s+es|vous\\s+êtes)\\s+(maintenant|désormais)\\s+(un|une)\\b",
            "\\bn'en\\s+\\w+\\s+pas\\s+(à|a)\\s+l'utilisateur", "\\bne\\s+(dis|dites|révèle|révélez)\\s+rien\\s+(à|a)\\s+l'utilisateur",
            "\\b(assistant|agent|ia|modèle)\\s+sans\\s+(aucune\\s+)?(restriction|limite)s?",
            // Spanish, Italian, Portuguese
            "\\b(ignora|ignore|ignoren|olvida|olvide|olviden|dimentica|esqueça|esqueca)\\s+(todas\\s+|todos\\s+|tutte\\s+)?(las|tus|sus|los|le|as)\\s+"
                    + "(instrucciones|indicaciones|reglas|órdenes|directrices|istruzioni|regole|indicazioni|instruções|instrucoes|regras)",
            "\\b(a\\s+partir\\s+de\\s+ahora|de\\s+ahora\\s+en\\s+adelante|d'ora\\s+in\\s+poi|a\\s+partir\\s+de\\s+agora)\\s*,?\\s*(eres|tú|debes|vas|sei|devi|você|és)\\b",
            "\\b(ahora\\s+eres|ora\\s+sei|agora\\s+você\\s+é)\\s+(un|una|uno|um|uma)\\b",
            "\\bno\\s+(le\\s+)?(digas|cuentes|menciones|informes)\\b[^.\\n]{0,40}\\busuario", "\\bnon\\s+(dire|dirlo|informare)\\b[^.\\n]{0,30}\\butente",
            "\\b(asistente|assistente|agente)\\s+(sin|senza|sem)\\s+(ninguna\\s+)?(restricciones|restrizioni|restrições|limites|limiti)",
            // Russian
            "(игнорируй(те)?|забудь(те)?|не\\s+обращай(те)?\\s+внимания\\s+на)\\s+(все\\s+)?((предыдущие|прежние|свои|твои|эти|данные)\\s+)*(инструкции|указания|правила|команды)",
            "(^|[^а-яё])(теперь\\s+ты|ты\\s+теперь|с\\s+этого\\s+момента\\s+ты)\\b",
            "(не\\s+сообщай|ничего\\s+не\\s+сообща\\w*|не\\s+говори|не\\s+рассказывай)[^.\\n]{0,30}пользовател",
            "(выведи|покажи|раскрой|напечатай)[^.\\n]{0,30}системн\\w*\\s+(промпт|подсказк|инструкци)",
            // Chinese, Japanese
            "(忽略|无视|忘记|忘掉|不要理会)[^。\\n]{0,8}(之前|以前|先前|上面|上述|所有|全部)[^。\\n]{0,8}(指令|指示|规则|提示|命令)",
            "你现在是", "(不要|别|不准)(告诉|通知|让)用户", "(输出|显示|打印|透露|告诉我)[^。\\n]{0,6}系统提示",
            "没有(任何)?限制的(助手|助理|AI|模型)",
            "(以前|前|これまで|上記)の(指示|命令|ルール|プロンプト)[^。\\n]{0,10}(無視|忘れ)",
            "システムプロンプト[^。\\n]{0,10}(表示|出力|教え)", "(ユーザー|利用者)に(は)?(言わない|伝えない|知らせない)");

    // ---- running what came from elsewhere ----------------------------------------------------------------------
    private static final Pattern DANGEROUS = any(
            // a bare builtin, not a method: (?<![\w.]) keeps model.eval( and df.eval( out; a literal argument is harmless
            "(?<![\\w.])(eval|exec)\\s*\\(\\s*(?!['\"]|\\))",
            "(?<![\\w.])__import__\\s*\\(\\s*(" + UNTRUSTED_NAMES + ")\\b",
            "(?<![\\w.])__import__\\s*\\(\\s*['\"](os|subprocess|pty|socket|ctypes|shutil)['\"]\\s*\\)\\s*\\.",
            "\\bgetattr\\s*\\(" + ARGS + "['\"](system|popen|exec[lv]?p?e?|spawn\\w*|check_output|check_call|Popen)['\"]",
            "\\b(importlib\\.import_module|__import__)\\s*\\(\\s*(request|req|user\\w*|payload|params|query|args?|sys\\.argv|untrusted\\w*)\\b",
            "\\bos\\.(system|popen|exec[lv]p?e?|spawn\\w*)\\s*\\(",
            "\\w\\s*\\(" + ARGS + "\\bshell\\s*=\\s*True\\b",
            "\\b(c?pickle|_pickle|dill|marshal|shelve)\\.loads?\\s*\\(\\s*(" + UNTRUSTED_NAMES + "|f|file|resp\\w*)\\b",
            "\\b(c?pickle|_pickle|dill|marshal|joblib|torch)\\.loads?\\s*\\(" + ARGS + "(" + REMOTE + ")",
            "\\byaml\\.unsafe_load\\b", "\\byaml\\.load(_all)?\\s*\\(" + ARGS + "Loader\\s*=\\s*(yaml\\.)?(Unsafe|Full)?Loader\\b",
            "\\b(curl|wget|fetch|iwr)\\b[^|\\n]*\\|\\s*(sudo\\s+)?(-\\w+\\s+)?(ba|z|k|da|fi)?sh\\b",
            "\\$\\(\\s*(curl|wget)\\b", "<\\(\\s*(curl|wget)\\b",
            "\\b(iex|invoke-expression)\\b[^\\n]*\\b(downloadstring|iwr|invoke-webrequest|irm|invoke-restmethod)\\b",
            "\\b(downloadstring|iwr|irm|invoke-webrequest|invoke-restmethod)\\b[^\\n]*\\|\\s*(iex|invoke-expression)\\b",
            "\\brm\\s+-(rf|fr|r\\s+-f|f\\s+-r)\\s+(/|~|\\$HOME|\\*)(?![\\w.-])",
            "\\bshutil\\.rmtree\\s*\\(\\s*(['\"](/|~)['\"]|os\\.path\\.expanduser\\s*\\(\\s*['\"]~['\"]\\s*\\)|Path\\.home\\(\\))",
            "\\bchmod\\s+(-R\\s+)?777\\s+/");

    // ---- sending secrets away -----------------------------------------------------------------------------------
    /** The whole environment, or files that hold credentials or accounts. */
    private static final String SENSITIVE = "dict\\s*\\(\\s*os\\.environ\\s*\\)|json\\.dumps\\s*\\(\\s*(dict\\s*\\()?os\\.environ|os\\.environ\\s*[,)]"
            + "|os\\.environ\\.(items|copy)\\s*\\(|\\$\\(\\s*(env|printenv|set)\\s*\\)|\\b(printenv|env)\\s*\\|"
            + "|\\.ssh/|\\bid_(rsa|dsa|ecdsa|ed25519)\\b|\\.aws/credentials|\\.netrc\\b|\\.pgpass\\b|\\.git-credentials|\\.docker/config\\.json"
            + "|/etc/(passwd|shadow|sudoers)\\b|\\.kube/config\\b|\\.pypirc\\b|\\.(bash|zsh)_history\\b"
            + "|(^|[\\s'\"/(])\\.env\\b(?!\\.)";
    /** Anything that sends bytes to another machine. */
    private static final String SINK = "\\b(requests|httpx|aiohttp|session)\\.(post|put|patch|get|request)\\s*\\(|urlopen\\s*\\(|urllib\\.request\\."
            + "|\\.send(all|to)?\\s*\\(|\\bcreate_connection\\s*\\(|\\bsocket\\.socket\\s*\\("
            + "|\\bcurl\\b[^\\n]*\\s(-d|--data\\S*|-F|--form|-T|--upload-file)\\b|\\b(nc|ncat|netcat)\\s+\\S+\\s+\\d+"
            + "|\\b(upload|send|post|paste|share|forward|transmit)\\w*\\b[^.\\n]{0,60}\\b(to|on|with)\\s+(https?://|paste|\\S+\\.(com|net|org|io|me|sh)\\b|\\d+\\.\\d+\\.\\d+\\.\\d+)";
    private static final Pattern SENSITIVE_DATA = any(SENSITIVE);
    private static final Pattern SENDS = any(SINK);
    private static final Pattern EXFILTRATING = any(
            // a secret read from the environment and put into a URL
            "https?://[^\\s'\"]*['\"]\\s*\\+\\s*(os\\.environ|os\\.getenv|getenv)\\b",
            "f['\"]https?://[^'\"]*\\{[^}]*(os\\.environ|os\\.getenv|getenv)\\b",
            // said in words: "upload the .env file to paste.example.com", "send your SSH key to ..."
            "\\b(upload|send|post|paste|share|forward|transmit|copy)\\w*\\b[^.\\n]{0,40}(\\.env\\b|credentials|ssh\\s+keys?|private\\s+keys?|api\\s+keys|access\\s+tokens?|environment\\s+variables)"
                    + "[^.\\n]{0,40}\\b(to|on|with)\\s+(https?://|paste|\\S+\\.(com|net|org|io|me)\\b|\\d+\\.\\d+\\.\\d+\\.\\d+|(the|our|this)\\s+(server|endpoint|bot|address))");

    // ---- certificate checks -----------------------------------------------------------------------------------
    private static final Pattern CERTIFICATES = any(
            "[(,]\\s*verify\\s*=\\s*False\\b", "\\.verify\\s*=\\s*False\\b", "\\bverify_mode\\s*=\\s*(ssl\\.)?CERT_NONE\\b",
            "\\bcert_reqs\\s*=\\s*['\"]?(ssl\\.)?CERT_NONE\\b", "\\bcheck_hostname\\s*=\\s*False\\b", "\\b_create_unverified_context\\b",
            "\\bPYTHONHTTPSVERIFY\\s*=\\s*['\"]?0\\b", "\\bNODE_TLS_REJECT_UNAUTHORIZED\\s*=\\s*['\"]?0\\b",
            "\\bhttp\\.sslVerify\\s+(false|0)\\b", "\\bGIT_SSL_NO_VERIFY\\s*=\\s*['\"]?(1|true)\\b",
            "\\bcurl\\b[^\\n|]*\\s(-k|--insecure)\\b", "\\bwget\\b[^\\n|]*\\s--no-check-certificate\\b",
            "--trusted-host\\b", "\\bssl\\s*=\\s*False\\b");

    // ---- secrets ----------------------------------------------------------------------------------------------
    /** Values that stand for a secret in examples rather than being one. */
    private static final String PLACEHOLDER = "(?!<|\\$\\{|\\{|your|xxx|\\*{3}|\\.\\.\\.|changeme|placeholder|example)";
    private static final Pattern SECRETS = anyCaseSensitive(
            "\\[REDACTED:", "-----BEGIN [A-Z ]*PRIVATE KEY-----", "\\b(AKIA|ASIA)[0-9A-Z]{16}\\b",
            "\\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}", "\\b[sr]k_(live|test)_[A-Za-z0-9]{16,}",
            "\\bgh[pousr]_[A-Za-z0-9]{30,}", "\\bgithub_pat_[A-Za-z0-9_]{40,}", "\\bglpat-[A-Za-z0-9_-]{20,}",
            "\\bhf_[A-Za-z0-9]{30,}", "\\bnpm_[A-Za-z0-9]{36}\\b", "\\bxox[abposr]-[A-Za-z0-9-]{10,}", "\\bAIza[0-9A-Za-z_-]{35}",
            "\\bhooks\\.slack\\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]{16,}", "\\bdiscord(app)?\\.com/api/webhooks/\\d+/[A-Za-z0-9_-]{30,}",
            "\\bAccountKey=[A-Za-z0-9+/]{40,}={0,2}", "(?i)\\baws_secret_access_key\\b\\s*[:=]\\s*['\"]?[A-Za-z0-9/+]{40}\\b",
            // credentials in a connection string, unless they are the usual placeholders
            "(?i)\\b[a-z][a-z0-9+.-]{1,20}://[^\\s:/@'\"]+:(?!(password|pass|passwd|pwd|secret|changeme|x+|\\*+)@)" + PLACEHOLDER + "[^\\s:/@'\"]{4,}@",
            "(?i)\\b(password|passwd|secret|api[_-]?key|token)\\s*[:=]\\s*['\"]" + PLACEHOLDER + "[^'\"\\s]{8,}['\"]",
            "\\b[A-Z][A-Z0-9_]*(TOKEN|SECRET|API_KEY|APIKEY|PASSWORD|ACCESS_KEY)\\s*=\\s*['\"]?" + PLACEHOLDER + "[A-Za-z0-9_\\-/+]{16,}");

    private static final List<Rule> RULES = List.of(Rule.of(INSTRUCTIONS, INJECTION), Rule.of(DANGEROUS_CALL, DANGEROUS),
            // both found anywhere in the text, in either order (one pattern with .* between them would be quadratic)
            new Rule(EXFILTRATION, text -> SENSITIVE_DATA.matcher(text).find() && SENDS.matcher(text).find()),
            Rule.of(EXFILTRATION, EXFILTRATING), Rule.of(CERTIFICATES_OFF, CERTIFICATES), Rule.of(SECRET, SECRETS));

    private static final PackageTyposquats TYPOSQUATS = PackageTyposquats.load();

    private LessonScreen() {
    }

    /** The reason to quarantine this text, if any. */
    public static Optional<String> quarantineReason(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        for (String reading : ScreenText.readings(text)) {
            Optional<String> reason = reasonIn(reading);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    /** The reason to quarantine a lesson made of several texts (a worked example's task and code), if any. */
    public static Optional<String> quarantineReason(List<String> texts) {
        return texts.stream().map(LessonScreen::quarantineReason).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> reasonIn(String reading) {
        for (Rule rule : RULES) {
            if (rule.matches().test(reading)) {
                return Optional.of(rule.reason());
            }
        }
        return TYPOSQUATS.find(reading).map(name -> TYPOSQUAT + ": " + name);
    }

    private static Pattern any(String... alternatives) {
        return Pattern.compile("(" + String.join(")|(", alternatives) + ")", FLAGS);
    }

    private static Pattern anyCaseSensitive(String... alternatives) {
        return Pattern.compile("(" + String.join(")|(", alternatives) + ")");
    }
}
