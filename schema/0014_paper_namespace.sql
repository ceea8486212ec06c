-- Paper sheets get a namespace no phone can take: 'paper:HN4CAT-0001'. A public clientId could be
-- 'paper-HN4CAT-0001' and squat a sheet's serial; clientIds may no longer start with 'paper-', and
-- the sheets typed in so far move to the new form (a squatter's row, typed by no one, stays as it is).
UPDATE responses SET client_id = 'paper:' || substr(client_id, 7)
WHERE entered_by IS NOT NULL AND client_id LIKE 'paper-%';
