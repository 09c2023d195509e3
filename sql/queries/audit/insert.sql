INSERT INTO app_audit (occurred_at, actor, action, target, detail, address)
VALUES (@occurred_at, @actor, @action, @target, @detail, @address)
