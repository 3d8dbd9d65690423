-- Remote data stored before the URL and name rules (lib/text/web-url.ts, from-ap-actors.ts):
-- make it what those rules would have stored, so a database from before serves no script URL.

-- Profile, avatar and header URLs that are not http(s): the profile falls back to the actor id,
-- images to the defaults. (Stored URLs are normalised `URL.href`s: the scheme is lower case.)
UPDATE accounts SET url = uri
WHERE domain IS NOT NULL AND url IS NOT NULL AND url !~ '^https?://';
UPDATE accounts SET avatar_url = NULL
WHERE domain IS NOT NULL AND avatar_url IS NOT NULL AND avatar_url !~ '^https?://';
UPDATE accounts SET header_url = NULL
WHERE domain IS NOT NULL AND header_url IS NOT NULL AND header_url !~ '^https?://';

-- A remote post's own link.
UPDATE statuses SET url = NULL
WHERE NOT local AND url IS NOT NULL AND url !~ '^https?://';

-- The link written for an Article or Page after the sanitiser: the only links with nothing but
-- an href (sanitised ones always carry rel). Not http(s): kept as text, as the sanitiser does.
UPDATE statuses
SET content = regexp_replace(content, '<a href="(?!https?://)[^"]*">([^<]*)</a>', '\1', 'g')
WHERE NOT local AND content ~ '<a href="(?!https?://)[^"]*">';
UPDATE status_edits e
SET content = regexp_replace(e.content, '<a href="(?!https?://)[^"]*">([^<]*)</a>', '\1', 'g')
FROM statuses s
WHERE s.id = e.status_id AND NOT s.local AND e.content ~ '<a href="(?!https?://)[^"]*">';

-- Bidi controls in names shown beside a handle.
UPDATE accounts
SET display_name = regexp_replace(display_name, '[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]', '', 'g')
WHERE display_name ~ '[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]';
