select nextval('case_number_seq')
