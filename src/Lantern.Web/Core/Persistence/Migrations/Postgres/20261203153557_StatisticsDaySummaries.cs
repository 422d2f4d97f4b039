using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lantern.Web.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatisticsDaySummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "statistics_cube",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Region = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Danger = table.Column<bool>(type: "boolean", nullable: true),
                    Minors = table.Column<bool>(type: "boolean", nullable: true),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_cube", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_days",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    SummarisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_days", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "statistics_dirty_days",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_dirty_days", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "statistics_durations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Danger = table.Column<bool>(type: "boolean", nullable: false),
                    Bucket = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    WithinDeadline = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_durations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_forms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Minors = table.Column<bool>(type: "boolean", nullable: true),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_forms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_referrals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_referrals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_cube_Day",
                table: "statistics_cube",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_durations_Day",
                table: "statistics_durations",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_forms_Day",
                table: "statistics_forms",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_referrals_Day",
                table: "statistics_referrals",
                column: "Day");

            // Hand-written (the one exception to "migrations are generated"): EF Core has no notion of triggers. Every write
            // to a report's counted columns, its forms or its referrals, by any path (EF, ExecuteUpdate/ExecuteDelete, the
            // erasure, raw SQL), marks the report's day (UTC) dirty, but only a day that has a summary (statistics_days):
            // today never has one, so intake never writes the dirty table. The reports trigger fires only for the columns the
            // statistics count: a figure over another column must add it here (and in the PostgreSQL migration).
            // The mark's Seq comes from a sequence, so it never repeats, whatever a statement's snapshot saw.
            migrationBuilder.Sql("CREATE SEQUENCE statistics_dirty_seq START WITH 1;");
            migrationBuilder.Sql("""
                CREATE FUNCTION statistics_mark_day(day date) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO statistics_dirty_days ("Day", "Seq")
                    SELECT "Day", nextval('statistics_dirty_seq') FROM statistics_days WHERE "Day" = day
                    ON CONFLICT ("Day") DO UPDATE SET "Seq" = nextval('statistics_dirty_seq');
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION statistics_reports_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM statistics_mark_day((OLD."ReceivedAt" AT TIME ZONE 'UTC')::date);
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        PERFORM statistics_mark_day((NEW."ReceivedAt" AT TIME ZONE 'UTC')::date);
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION statistics_report_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM statistics_mark_day((SELECT (r."ReceivedAt" AT TIME ZONE 'UTC')::date FROM reports r WHERE r."Id" = OLD."ReportId"));
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        PERFORM statistics_mark_day((SELECT (r."ReceivedAt" AT TIME ZONE 'UTC')::date FROM reports r WHERE r."Id" = NEW."ReportId"));
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statistics_reports AFTER INSERT OR DELETE OR UPDATE OF "ReceivedAt", "Channel", "Role", "Language", "Region", "ImmediateDanger", "MinorsInvolved", "AcknowledgedAt", "FirstReplyAt" ON reports
                FOR EACH ROW EXECUTE FUNCTION statistics_reports_changed();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statistics_report_forms AFTER INSERT OR UPDATE OR DELETE ON report_forms
                FOR EACH ROW EXECUTE FUNCTION statistics_report_rows_changed();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statistics_referrals AFTER INSERT OR UPDATE OR DELETE ON referrals
                FOR EACH ROW EXECUTE FUNCTION statistics_report_rows_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statistics_referrals ON referrals;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statistics_report_forms ON report_forms;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statistics_reports ON reports;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS statistics_report_rows_changed();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS statistics_reports_changed();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS statistics_mark_day(date);");
            migrationBuilder.Sql("DROP SEQUENCE IF EXISTS statistics_dirty_seq;");

            migrationBuilder.DropTable(
                name: "statistics_cube");

            migrationBuilder.DropTable(
                name: "statistics_days");

            migrationBuilder.DropTable(
                name: "statistics_dirty_days");

            migrationBuilder.DropTable(
                name: "statistics_durations");

            migrationBuilder.DropTable(
                name: "statistics_forms");

            migrationBuilder.DropTable(
                name: "statistics_referrals");
        }
    }
}
