"""The store as eventwire 0.1 created it (schema_version 1), verbatim: a fixture for the migration tests.

Never edit: it is what users' existing stores look like.
"""

from __future__ import annotations

SPAN = 'STRUCT(text VARCHAR, start INTEGER, "end" INTEGER)'
ACTOR = ('STRUCT(text VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR, '
         'role VARCHAR, start INTEGER, "end" INTEGER)')
PLACE = ('STRUCT(text VARCHAR, start INTEGER, "end" INTEGER, name VARCHAR, country VARCHAR, '
         'admin1 VARCHAR, feature VARCHAR, lat DOUBLE, lon DOUBLE, geonames_id BIGINT)')
EVENT_DATE = ('STRUCT(value VARCHAR, "precision" VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, '
              'inferred BOOLEAN)')
ATTRIBUTION = f'STRUCT(text VARCHAR, start INTEGER, "end" INTEGER, source {ACTOR})'
BOILERPLATE = 'STRUCT(start INTEGER, "end" INTEGER, kind VARCHAR)'

V1_MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "articles, events, actors, quotes, timexes, places, ingest_errors", [
        "CREATE SEQUENCE article_seq START 1",
        f"""CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            text VARCHAR NOT NULL,
            source VARCHAR,
            title VARCHAR,
            byline VARCHAR,
            outlet VARCHAR,
            published VARCHAR,
            published_from VARCHAR,
            language VARCHAR,
            url VARCHAR,
            boilerplate {BOILERPLATE}[],
            -- Ingest order, kept so exports list articles in the order they were read.
            seq BIGINT DEFAULT nextval('article_seq'),
            ingested_at TIMESTAMP DEFAULT current_timestamp
        )""",
        f"""CREATE TABLE events (
            article_id VARCHAR NOT NULL,
            ordinal INTEGER NOT NULL,
            id VARCHAR PRIMARY KEY,
            type VARCHAR,
            trigger {SPAN},
            sentence {SPAN},
            mode VARCHAR,
            context VARCHAR[],
            cameo VARCHAR,
            quad_class TINYINT,
            actor {ACTOR}[],
            recipient {ACTOR}[],
            date {EVENT_DATE},
            location {PLACE},
            modality VARCHAR,
            attribution {ATTRIBUTION},
            confidence DOUBLE
        )""",
        f"""CREATE TABLE quotes (
            article_id VARCHAR NOT NULL,
            ordinal INTEGER NOT NULL,
            kind VARCHAR,
            content {SPAN},
            speaker {ACTOR},
            speaker_span {SPAN},
            cue {SPAN},
            PRIMARY KEY (article_id, ordinal)
        )""",
        """CREATE TABLE timexes (
            article_id VARCHAR NOT NULL,
            ordinal INTEGER NOT NULL,
            text VARCHAR,
            start INTEGER,
            "end" INTEGER,
            type VARCHAR,
            value VARCHAR,
            PRIMARY KEY (article_id, ordinal)
        )""",
        """CREATE TABLE places (
            article_id VARCHAR NOT NULL,
            ordinal INTEGER NOT NULL,
            text VARCHAR,
            start INTEGER,
            "end" INTEGER,
            name VARCHAR,
            country VARCHAR,
            admin1 VARCHAR,
            feature VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            geonames_id BIGINT,
            PRIMARY KEY (article_id, ordinal)
        )""",
        """CREATE TABLE actors (
            article_id VARCHAR NOT NULL,
            ordinal INTEGER NOT NULL,
            text VARCHAR,
            name VARCHAR,
            kind VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            role VARCHAR,
            start INTEGER,
            "end" INTEGER,
            PRIMARY KEY (article_id, ordinal)
        )""",
        "CREATE SEQUENCE ingest_error_ids START 1",
        """CREATE TABLE ingest_errors (
            id BIGINT DEFAULT nextval('ingest_error_ids') PRIMARY KEY,
            source VARCHAR NOT NULL,
            code VARCHAR NOT NULL,
            message VARCHAR NOT NULL,
            failed_at TIMESTAMP DEFAULT current_timestamp
        )""",
    ]),
]

