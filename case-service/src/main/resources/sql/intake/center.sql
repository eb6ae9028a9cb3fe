select code from center where code = ?
