-- Demo venues for the local run and the tests: three rooms at the county center, a room and a village hall
-- (屋场夜话 evening sessions) for the 白溪镇 center. Opening hours are Asia/Shanghai local times.
-- Runs everywhere, loads only where quarkus.flyway.placeholders.demo_data is true: the local run and the tests.
do $$
begin
  if '${demo_data}' = 'true' then
    insert into venue (id, center_code, name, address, kind, capacity, opens, closes, has_video) values
        ('5c0e0000-0000-4000-8000-000000000001', 'QX-COUNTY', '第一调解室', '青溪县城关镇人民路 88 号', 'ROOM', 12, '08:30', '17:30', true),
        ('5c0e0000-0000-4000-8000-000000000002', 'QX-COUNTY', '第二调解室', '青溪县城关镇人民路 88 号', 'ROOM', 8, '08:30', '17:30', false),
        ('5c0e0000-0000-4000-8000-000000000003', 'QX-COUNTY', '第三调解室', '青溪县城关镇人民路 88 号', 'ROOM', 6, '08:30', '17:30', false),
        ('5c0e0000-0000-4000-8000-000000000011', 'QX-BAIXI', '白溪镇调解室', '青溪县白溪镇溪东街 12 号', 'ROOM', 8, '08:30', '17:30', false),
        ('5c0e0000-0000-4000-8000-000000000012', 'QX-BAIXI', '溪东村文化礼堂', '青溪县白溪镇溪东村文化礼堂', 'ON_SITE', 40, '18:30', '21:30', false);
  end if;
end
$$;
