# Build stage: the wrapper and a JDK are all the build needs.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY bot bot
COPY adapters adapters
COPY config config
COPY bench bench
RUN ./mvnw -B -q package -DskipTests

# Run stage: a JRE, the one jar, a non-root user and a data directory for the embedded store.
FROM eclipse-temurin:17-jre
# Capacity charts are drawn headless with Java2D, which needs fontconfig and at least one font.
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app opsbot \
    && mkdir -p /app/data && chown -R opsbot /app
WORKDIR /app
COPY --from=build /src/config/target/opsbot.jar /app/opsbot.jar
USER 10001
ENV OPSBOT_DATA_DIR=/app/data \
    SERVER_PORT=8080
EXPOSE 8080
VOLUME ["/app/data"]
# The heap follows the container's memory limit; running out of it exits, so the container restarts.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/opsbot.jar"]
