"""Small shared kit: server-generated ids, ETags, signed pagination cursors."""
