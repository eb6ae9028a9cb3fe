select id from dispute_case where parties_hash = ? and subcategory = ? and created_at > ? and status <> ?
order by created_at desc limit 1
