using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Web.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportsStatisticsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reports_ReceivedAt",
                table: "reports");

            migrationBuilder.CreateIndex(
                name: "IX_reports_statistics",
                table: "reports",
                columns: new[] { "ReceivedAt", "Channel", "Role", "Language", "Region", "ImmediateDanger", "MinorsInvolved", "AcknowledgedAt", "FirstReplyAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reports_statistics",
                table: "reports");

            migrationBuilder.CreateIndex(
                name: "IX_reports_ReceivedAt",
                table: "reports",
                column: "ReceivedAt");
        }
    }
}
