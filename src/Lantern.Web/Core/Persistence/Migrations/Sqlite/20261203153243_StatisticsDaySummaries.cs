using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Web.Core.Persistence.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Danger = table.Column<bool>(type: "INTEGER", nullable: true),
                    Minors = table.Column<bool>(type: "INTEGER", nullable: true),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_cube", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_days",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    SummarisedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_days", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "statistics_dirty_days",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_dirty_days", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "statistics_durations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Danger = table.Column<bool>(type: "INTEGER", nullable: false),
                    Bucket = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    WithinDeadline = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_durations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_forms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Minors = table.Column<bool>(type: "INTEGER", nullable: true),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_forms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_referrals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
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
            migrationBuilder.Sql("""
                CREATE TRIGGER statistics_reports_insert AFTER INSERT ON reports BEGIN
                    INSERT INTO statistics_dirty_days ("Day", "Seq") SELECT "Day", "Seq" + 1 FROM statistics_days WHERE "Day" = date(NEW."ReceivedAt") ON CONFLICT ("Day") DO UPDATE SET "Seq" = statistics_dirty_days."Seq" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statistics_reports_update AFTER UPDATE OF "ReceivedAt", "Channel", "Role", "Language", "Region", "ImmediateDanger", "MinorsInvolved", "AcknowledgedAt", "FirstReplyAt" ON reports BEGIN
                    INSERT INTO statistics_dirty_days ("Day", "Seq") SELECT "Day", "Seq" + 1 FROM statistics_days WHERE "Day" = date(OLD."ReceivedAt") ON CONFLICT ("Day") DO UPDATE SET "Seq" = statistics_dirty_days."Seq" + 1;
                    INSERT INTO statistics_dirty_days ("Day", "Seq") SELECT "Day", "Seq" + 1 FROM statistics_days WHERE "Day" = date(NEW."ReceivedAt") ON CONFLICT ("Day") DO UPDATE SET "Seq" = statistics_dirty_days."Seq" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statistics_reports_delete AFTER DELETE ON reports BEGIN
                    INSERT INTO statistics_dirty_days ("Day", "Seq") SELECT "Day", "Seq" + 1 FROM statistics_days WHERE "Day" = date(OLD."ReceivedAt") ON CONFLICT ("Day") DO UPDATE SET "Seq" = statistics_dirty_days."Seq" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statistics_report_forms_insert AFTER INSERT ON report_forms BEGIN
                    INSERT INTO statistics_dirty_days ("Day", "Seq") SELECT "Day", "Seq" + 1 FROM statistics_days WHERE "Day" = (SELECT date(r."ReceivedAt") FROM reports r WHERE r."Id" = NEW."ReportId") ON CONFLICT ("Day") DO UPDATE SET "Seq" = statistics_dirty_days."Seq" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statistics_report_forms_update AFTER UPDATE ON report_forms BEGIN
                    INSERT INTO statistics_dirty_days ("Day", "Seq") SELECT "Day", "Seq" + 1 FROM statistics_days WHERE "Day" = (SELECT date(r."ReceivedAt") FROM reports r WHERE r."Id" = OLD."ReportId") ON CONFLICT ("Day") DO UPDATE SET "Seq" = statistics_dirty_days."Seq" + 1;
                    INSERT INTO statistics_dirty_days ("Day", "Seq") SELECT "Day", "Seq" + 1 FROM statistics_days WHERE "Day" = (SELECT date(r."ReceivedAt") FROM reports r WHERE r."Id" = NEW."ReportId") ON CONFLICT ("Day") DO UPDATE SET "Seq" = statistics_dirty_days."Seq" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statistics_report_forms_delete AFTER DELETE ON report_forms BEGIN
                    INSERT INTO statistics_dirty_days ("Day", "Seq") SELECT "Day", "Seq" + 1 FROM statistics_days WHERE "Day" = (SELECT date(r."ReceivedAt") FROM reports r WHERE r."Id" = OLD."ReportId") ON CONFLICT ("Day") DO UPDATE SET "Seq" = statistics_dirty_days."Seq" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statistics_referrals_insert AFTER INSERT ON referrals BEGIN
                    INSERT INTO statistics_dirty_days ("Day", "Seq") SELECT "Day", "Seq" + 1 FROM statistics_days WHERE "Day" = (SELECT date(r."ReceivedAt") FROM reports r WHERE r."Id" = NEW."ReportId") ON CONFLICT ("Day") DO UPDATE SET "Seq" = statistics_dirty_days."Seq" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statistics_referrals_update AFTER UPDATE ON referrals BEGIN
                    INSERT INTO statistics_dirty_days ("Day", "Seq") SELECT "Day", "Seq" + 1 FROM statistics_days WHERE "Day" = (SELECT date(r."ReceivedAt") FROM reports r WHERE r."Id" = OLD."ReportId") ON CONFLICT ("Day") DO UPDATE SET "Seq" = statistics_dirty_days."Seq" + 1;
                    INSERT INTO statistics_dirty_days ("Day", "Seq") SELECT "Day", "Seq" + 1 FROM statistics_days WHERE "Day" = (SELECT date(r."ReceivedAt") FROM reports r WHERE r."Id" = NEW."ReportId") ON CONFLICT ("Day") DO UPDATE SET "Seq" = statistics_dirty_days."Seq" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statistics_referrals_delete AFTER DELETE ON referrals BEGIN
                    INSERT INTO statistics_dirty_days ("Day", "Seq") SELECT "Day", "Seq" + 1 FROM statistics_days WHERE "Day" = (SELECT date(r."ReceivedAt") FROM reports r WHERE r."Id" = OLD."ReportId") ON CONFLICT ("Day") DO UPDATE SET "Seq" = statistics_dirty_days."Seq" + 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statistics_reports_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statistics_reports_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statistics_reports_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statistics_report_forms_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statistics_report_forms_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statistics_report_forms_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statistics_referrals_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statistics_referrals_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statistics_referrals_delete;");

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
