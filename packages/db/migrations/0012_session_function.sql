-- A signed-in request's principal in one call whose plans PostgreSQL keeps (ADR 018): as
-- cosell_app, the session's person becomes the scope's user (so row-level security shows their
-- memberships), then one statement reads the session, the person and their memberships, deletes
-- the session when it has ended and marks it seen when its mark is stale. The same statements
-- sent as one simple query were parsed and planned on every request (about 2 ms of database CPU
-- each, against 0.2 ms for this function; docs/performance.md, P2).
-- A person's memberships with their organisations, as both principal functions return them
-- (row-level security decides which rows the caller sees).
CREATE FUNCTION cosell_memberships_json(p_user uuid) RETURNS json LANGUAGE sql STABLE AS $$
  select coalesce(json_agg(json_build_object(
      'organisationId', m.organisation_id, 'userId', m.user_id, 'roles', m.roles,
      'createdAt', m.created_at, 'version', m.version,
      'organisation', json_build_object('id', o.id, 'kind', o.kind, 'name', o.name,
        'createdAt', o.created_at, 'version', o.version))
      order by o.kind, o.name), '[]'::json)
  from memberships m join organisations o on o.id = m.organisation_id
  where m.user_id = p_user
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cosell_memberships_json(uuid) TO cosell_app;
--> statement-breakpoint
CREATE FUNCTION cosell_resolve_session(p_id text, p_now timestamptz, p_idle_ms bigint, p_touch_ms bigint)
returns json language plpgsql volatile as $fn$
declare
  v_user text;
  v_result json;
begin
  perform set_config('role', 'cosell_app', true);
  select s.user_id::text into v_user from sessions s where s.id = p_id;
  perform set_config('cosell.user_id', coalesce(v_user, ''), true);
  with found as (
    select s.*, (s.expires_at <= p_now or s.last_seen_at < p_now - interval '1 millisecond' * p_idle_ms) as ended
    from sessions s where s.id = p_id
  ), person as (
    select u.* from users u join found f on u.id = f.user_id
  ), ended as (
    delete from sessions where id = p_id and (select ended from found) returning id
  ), seen as (
    update sessions set last_seen_at = p_now
    where id = p_id and not (select ended from found)
      and last_seen_at < p_now - interval '1 millisecond' * p_touch_ms
      and exists (select 1 from person where disabled_at is null)
    returning id
  )
  select json_build_object(
    'ended', f.ended,
    'session', json_build_object(
      'id', f.id, 'userId', f.user_id, 'activeOrganisationId', f.active_organisation_id,
      'csrfToken', f.csrf_token, 'createdAt', f.created_at, 'lastSeenAt', f.last_seen_at,
      'expiresAt', f.expires_at),
    'user', (select json_build_object(
      'id', p.id, 'email', p.email, 'name', p.name, 'passwordHash', p.password_hash,
      'locale', p.locale, 'disabledAt', p.disabled_at,
      'mutedNotificationKinds', p.muted_notification_kinds, 'createdAt', p.created_at,
      'version', p.version) from person p),
    'memberships', cosell_memberships_json(f.user_id)
  ) into v_result
  from found f;
  return v_result;
end
$fn$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cosell_resolve_session(text, timestamptz, bigint, bigint) TO cosell_app;
--> statement-breakpoint
-- An API token's principal in one call, the bearer's counterpart of cosell_resolve_session: as
-- cosell_app with the token's hash in scope, the token's use is marked when it stands (not
-- revoked, not expired, principal enabled) and its mark is stale or from another address, then
-- one statement reads the token, its principal and their memberships.
CREATE FUNCTION cosell_resolve_token(p_hash text, p_now timestamptz, p_ip text, p_touch_ms bigint)
returns json language plpgsql volatile as $fn$
declare
  v_result json;
begin
  perform set_config('role', 'cosell_app', true);
  perform set_config('cosell.api_token_hash', p_hash, true);
  update api_tokens t set last_used_at = p_now, last_used_ip = p_ip
  where t.token_hash = p_hash and t.revoked_at is null and t.expires_at > p_now
    and (t.last_used_at is null
      or t.last_used_at < p_now - interval '1 millisecond' * p_touch_ms
      or t.last_used_ip is distinct from p_ip)
    and exists (select 1 from users u where u.id = t.user_id and u.disabled_at is null);
  select json_build_object(
    'token', json_build_object(
      'id', t.id, 'kind', t.kind, 'name', t.name, 'userId', t.user_id,
      'organisationId', t.organisation_id, 'createdBy', t.created_by, 'scopes', t.scopes,
      'createdAt', t.created_at, 'expiresAt', t.expires_at, 'lastUsedAt', t.last_used_at,
      'lastUsedIp', t.last_used_ip, 'revokedAt', t.revoked_at),
    'user', json_build_object(
      'id', u.id, 'email', u.email, 'name', u.name, 'passwordHash', u.password_hash,
      'locale', u.locale, 'disabledAt', u.disabled_at,
      'mutedNotificationKinds', u.muted_notification_kinds, 'createdAt', u.created_at,
      'version', u.version),
    'memberships', cosell_memberships_json(t.user_id)
  ) into v_result
  from api_tokens t join users u on u.id = t.user_id
  where t.token_hash = p_hash;
  return v_result;
end
$fn$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cosell_resolve_token(text, timestamptz, text, bigint) TO cosell_app;
