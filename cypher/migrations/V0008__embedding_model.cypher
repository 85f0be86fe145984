// The model that embedded the stored vectors: one node, so that concurrent first ingestions cannot record two.
CREATE CONSTRAINT embedding_model_key IF NOT EXISTS FOR (m:EmbeddingModel) REQUIRE m.key IS UNIQUE;
