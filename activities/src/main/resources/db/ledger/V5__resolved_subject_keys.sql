-- Issue 12: a legal hold follows the person, not the identifier. A request's subject is resolved to
-- every identifier of the person when its workflow begins; the keys of those identifiers join the
-- keys of the filed ones, so a search by any identifier of the person finds the request and its
-- view lists them all (subjectKeys). Keys only, never identifiers. 'FILED': an identifier the
-- filing carried; 'RESOLVED': one a product that owns identity named.
alter table request_subject_keys
  add column source text not null default 'FILED' check (source in ('FILED', 'RESOLVED'));
