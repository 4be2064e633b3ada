-- A signed-in request's principal in one call whose plans PostgreSQL keeps (ADR 018): as
-- cosell_app, the session's person becomes the scope's user (so row-level security shows their
-- memberships), then one statement reads the session, the person and their memberships, deletes
-- the session when it has ended and marks it seen when its mark is stale. The same statements
-- sent as one simple query were parsed and planned on every request (about 2 ms of database CPU
-- each, against 0.2 ms for this function; docs/performance.md, P2).
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
    'memberships', coalesce((select json_agg(json_build_object(
        'organisationId', m.organisation_id, 'userId', m.user_id, 'roles', m.roles,
        'createdAt', m.created_at, 'version', m.version,
        'organisation', json_build_object('id', o.id, 'kind', o.kind, 'name', o.name,
          'createdAt', o.created_at, 'version', o.version))
        order by o.kind, o.name)
      from memberships m join organisations o on o.id = m.organisation_id
      where m.user_id = f.user_id), '[]'::json)
  ) into v_result
  from found f;
  return v_result;
end
$fn$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cosell_resolve_session(text, timestamptz, bigint, bigint) TO cosell_app;
