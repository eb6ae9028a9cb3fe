-- Demo data: the county center of 青溪县 and the township center of 白溪镇.
-- Runs everywhere, loads only where quarkus.flyway.placeholders.demo_data is true: the local run and the tests.
do $$
begin
  if '${demo_data}' = 'true' then
    insert into center (code, name, area_code, address) values
        ('QX-COUNTY', '青溪县矛盾纠纷调处化解中心', '330999', '青溪县城关镇人民路 88 号'),
        ('QX-BAIXI', '白溪镇矛盾纠纷调处化解中心', '330999102', '青溪县白溪镇溪东街 12 号');
  end if;
end
$$;
