using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Web.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsMonthRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand (docs/ARCHITECTURE.md): the summaries are emptied once, since the days' new Reports column
            // would read 0 for days summarised before it. They are derived data only: the job fills them again as on a
            // first start, and the figures are counted live meanwhile (docs/OPERATIONS.md, "Statistics: day summaries").
            migrationBuilder.Sql("DELETE FROM statistics_dirty_days;");
            migrationBuilder.Sql("DELETE FROM statistics_cube;");
            migrationBuilder.Sql("DELETE FROM statistics_forms;");
            migrationBuilder.Sql("DELETE FROM statistics_durations;");
            migrationBuilder.Sql("DELETE FROM statistics_referrals;");
            migrationBuilder.Sql("DELETE FROM statistics_days;");

            migrationBuilder.DropIndex(
                name: "IX_statistics_referrals_Day",
                table: "statistics_referrals");

            migrationBuilder.DropIndex(
                name: "IX_statistics_forms_Day",
                table: "statistics_forms");

            migrationBuilder.DropIndex(
                name: "IX_statistics_durations_Day",
                table: "statistics_durations");

            migrationBuilder.DropIndex(
                name: "IX_statistics_cube_Day",
                table: "statistics_cube");

            migrationBuilder.AddColumn<int>(
                name: "Span",
                table: "statistics_referrals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Span",
                table: "statistics_forms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Span",
                table: "statistics_durations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Reports",
                table: "statistics_days",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Span",
                table: "statistics_cube",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "statistics_months",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BuiltAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_months", x => x.Month);
                });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_referrals_Span_Day",
                table: "statistics_referrals",
                columns: new[] { "Span", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_forms_Span_Day",
                table: "statistics_forms",
                columns: new[] { "Span", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_durations_Span_Day",
                table: "statistics_durations",
                columns: new[] { "Span", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_cube_Span_Day",
                table: "statistics_cube",
                columns: new[] { "Span", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "statistics_months");

            migrationBuilder.DropIndex(
                name: "IX_statistics_referrals_Span_Day",
                table: "statistics_referrals");

            migrationBuilder.DropIndex(
                name: "IX_statistics_forms_Span_Day",
                table: "statistics_forms");

            migrationBuilder.DropIndex(
                name: "IX_statistics_durations_Span_Day",
                table: "statistics_durations");

            migrationBuilder.DropIndex(
                name: "IX_statistics_cube_Span_Day",
                table: "statistics_cube");

            migrationBuilder.DropColumn(
                name: "Span",
                table: "statistics_referrals");

            migrationBuilder.DropColumn(
                name: "Span",
                table: "statistics_forms");

            migrationBuilder.DropColumn(
                name: "Span",
                table: "statistics_durations");

            migrationBuilder.DropColumn(
                name: "Reports",
                table: "statistics_days");

            migrationBuilder.DropColumn(
                name: "Span",
                table: "statistics_cube");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_referrals_Day",
                table: "statistics_referrals",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_forms_Day",
                table: "statistics_forms",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_durations_Day",
                table: "statistics_durations",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_cube_Day",
                table: "statistics_cube",
                column: "Day");
        }
    }
}
