package dev.spark.knowledge;

import dev.spark.knowledge.internal.KnowledgeRepository;
import dev.spark.validation.Check;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What the knowledge base holds: libraries with their counts, and APIs with their documentation. */
@Service
public class LibraryCatalog {

    public record LibrarySummary(String name, String version, long docCount, long apiCount) {
    }

    public record ApiDocs(String qualifiedName, String kind, String library, List<String> aliases, List<DocHit> docs) {
    }

    private final KnowledgeRepository repository;

    LibraryCatalog(KnowledgeRepository repository) {
        this.repository = repository;
    }

    public List<LibrarySummary> libraries() {
        return repository.libraries();
    }

    /** The API with this qualified name or alias ({@code tensorflow.*} is read as {@code tf.*}). */
    public Optional<ApiDocs> api(String name) {
        String qualified = ApiNames.canonical(Check.text("name", name, DocRecord.MAX_API));
        return repository.api(qualified).map(api -> new ApiDocs(api.qualifiedName(), api.kind(), api.library(),
                api.aliases(), api.docs().stream().map(c -> c.hit(1.0, 0, 0)).toList()));
    }

    /** How many chunks and pages of documentation are stored. */
    public CorpusSize corpusSize() {
        return repository.corpusSize();
    }
}
