-- Phone numbers and e-mail addresses are stored sealed (AES-GCM, "pd1.<key>.<base64>"), which is longer.
alter table notice alter column phone type varchar(300);
alter table notice alter column email type varchar(600);
