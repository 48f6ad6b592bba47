# briefbot container image: a static binary on distroless, run as non-root.
#
#   docker build -t briefbot .
#   docker run --rm -p 8080:8080 -v briefbot-data:/data \
#     -v "$PWD/config.yaml:/etc/briefbot/config.yaml:ro" \
#     -e SLACK_BOT_TOKEN -e SLACK_SIGNING_SECRET briefbot
#
# /data holds the SQLite file and the search index kept beside it
# (briefbot.db.index); mount your config at /etc/briefbot/config.yaml
# and, for your own articles, a corpus directory at /corpus (set
# corpus.dir: /corpus in the config, or -e BRIEFBOT_CORPUS_DIR=/corpus).

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, so a source change does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/briefbot ./cmd/briefbot
# The image's default config: HTTP on all interfaces, state in /data, the
# embedded corpus, no chat platform (mount your own over it).
RUN mkdir -p /out/data /out/etc/briefbot /out/corpus \
 && printf '%s\n' \
      '# Default config of the briefbot image: replace it by mounting yours here.' \
      'http:' \
      '  addr: ":8080"' \
      'corpus:' \
      '  dir: ""' \
      '  reload: 30s' \
      'store:' \
      '  driver: sqlite' \
      '  dsn: /data/briefbot.db' \
      > /out/etc/briefbot/config.yaml \
 && cp config.example.yaml /out/etc/briefbot/config.example.yaml

# distroless/static: CA certificates and a nonroot user (65532), no shell.
# Time zones are compiled into the binary (time/tzdata).
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/briefbot /briefbot
COPY --from=build /out/etc/briefbot /etc/briefbot
COPY --from=build --chown=65532:65532 /out/data /data
COPY --from=build --chown=65532:65532 /out/corpus /corpus
# Listen on all interfaces inside the container, whatever the mounted
# config says (the HEALTHCHECK probes this port; -e changes both).
ENV BRIEFBOT_HTTP_ADDR=":8080"
VOLUME ["/data"]
EXPOSE 8080
USER 65532:65532
# No shell or curl here: the binary probes its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/briefbot", "healthcheck"]
ENTRYPOINT ["/briefbot"]
CMD ["serve", "--config", "/etc/briefbot/config.yaml"]
