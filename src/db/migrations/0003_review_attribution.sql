-- A response to the annual review counts where it was made: the member's organization at that moment,
-- so members who move or leave later do not shift a campaign's figures.
ALTER TABLE review_declarations ADD COLUMN organization_id INTEGER REFERENCES organizations(id);
CREATE INDEX review_declarations_campaign ON review_declarations(campaign_id, organization_id);
CREATE INDEX review_expected_campaign ON review_expected(campaign_id, organization_id);
CREATE INDEX commendations_date ON commendations(commended_on);
CREATE INDEX protection_cases_status ON protection_cases(status, attacked_on);
