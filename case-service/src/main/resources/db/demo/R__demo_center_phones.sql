-- Demo data: the demo centers' phone numbers (after V1000 has added the centers). Loads only where
-- quarkus.flyway.placeholders.demo_data is true: the local run and the tests.
do $$
begin
  if '${demo_data}' = 'true' then
    update center set phone = '0571-88886666' where code = 'QX-COUNTY';
    update center set phone = '0571-88337722' where code = 'QX-BAIXI';
  end if;
end
$$;
