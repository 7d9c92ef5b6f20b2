-- The team table: for each person and week (from Monday), their sessions,
-- the outcomes of their debriefs, their talk share and the promises kept.
-- It reads every `coach export --format jsonl --redact` file in a shared
-- folder, one file a person, named after them (`alex.jsonl`): run it from
-- the folder above, `duckdb -c ".read team-table.sql"`, or change the path.
WITH raw AS (
    SELECT
        regexp_extract(filename, '([^/\\]+)\.jsonl$', 1) AS person,
        json AS s
    FROM read_ndjson_objects('team/*.jsonl', filename = true)
),
sessions AS (
    SELECT
        person,
        -- The session's own day, in the offset it was held in.
        date_trunc('week', CAST(substr(json_extract_string(s, '$.date'), 1, 10) AS DATE)) AS week,
        json_extract_string(s, '$.kind') AS kind,
        -- Answers are found by what they mean, never by question id.
        json_extract_string(s, '$.answers."' || json_extract_string(s, '$.means.outcome') || '"') AS outcome,
        coalesce(
            100 * CAST(json_extract(s, '$.listen.talk_share') AS DOUBLE),
            CAST(json_extract_string(s, '$.answers."' || json_extract_string(s, '$.means.talk_share') || '"') AS DOUBLE)
        ) AS talk_share,
        coalesce(json_array_length(json_extract(s, '$.followups')), 0) AS promises,
        coalesce(len(list_filter(
            json_extract_string(s, '$.followups[*].done'), lambda d: d IS NOT NULL
        )), 0) AS kept
    FROM raw
)
SELECT
    person,
    CAST(week AS DATE) AS week,
    count(*) AS sessions,
    count(*) FILTER (WHERE kind = 'debrief') AS debriefs,
    count(*) FILTER (WHERE outcome = 'advance') AS advance,
    count(*) FILTER (WHERE outcome = 'continuation') AS continuation,
    count(*) FILTER (WHERE outcome = 'no_sale') AS no_sale,
    round(avg(talk_share), 1) AS talk_share,
    sum(promises) AS promises,
    sum(kept) AS kept
FROM sessions
GROUP BY person, week
ORDER BY person, week;
