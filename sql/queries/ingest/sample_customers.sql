-- Recent customers with a region, for the live simulator to sell to and hear from.
SELECT customer_code
FROM dim_customer
WHERE region_id IS NOT NULL
ORDER BY customer_id DESC
OFFSET 0 ROWS FETCH NEXT 2000 ROWS ONLY
