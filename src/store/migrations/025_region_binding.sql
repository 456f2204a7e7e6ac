-- 025: the region a database belongs to. A database holds one region's
-- providers, youths and money; opened with another region's file its
-- municipalities and products would not match. One row: the region's name
-- and the absolute path of the region file it was filled with, so a
-- command without --config finds that file again (docs/operations.md).
CREATE TABLE region_binding (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    region TEXT NOT NULL CHECK (length(region) > 0),
    config_path TEXT NOT NULL,
    bound_at TEXT NOT NULL
);
