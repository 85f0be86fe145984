# Builds and runs Spark against the database and model configured by environment (see docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY cypher cypher
COPY src src
RUN mvn -q -B package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/spark.jar /app/spark.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/spark.jar"]
