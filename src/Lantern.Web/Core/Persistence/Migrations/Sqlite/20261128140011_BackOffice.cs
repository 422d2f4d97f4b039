using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Web.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BackOffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reports_UrgencyLevel_ReceivedAt",
                table: "reports");

            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAt",
                table: "reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssignedToId",
                table: "reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CallMinutes",
                table: "reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CaseId",
                table: "reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterpreterUsed",
                table: "reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "reports",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RecordedById",
                table: "reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAt",
                table: "reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AuthorId",
                table: "report_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referrals_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_referrals_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_referrals_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reports_AssignedToId",
                table: "reports",
                column: "AssignedToId");

            migrationBuilder.CreateIndex(
                name: "IX_reports_CaseId",
                table: "reports",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_reports_OrganisationId",
                table: "reports",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_reports_RecordedById",
                table: "reports",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_reports_Status_UrgencyLevel_ReceivedAt_Id",
                table: "reports",
                columns: new[] { "Status", "UrgencyLevel", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_reports_UrgencyLevel_ReceivedAt_Id",
                table: "reports",
                columns: new[] { "UrgencyLevel", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_report_items_AuthorId",
                table: "report_items",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Actor_At",
                table: "audit_entries",
                columns: new[] { "Actor", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Record_At",
                table: "audit_entries",
                columns: new[] { "Record", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_CreatedById",
                table: "cases",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Reference",
                table: "cases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referrals_CreatedById",
                table: "referrals",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_OrganisationId_ReportId",
                table: "referrals",
                columns: new[] { "OrganisationId", "ReportId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referrals_ReportId",
                table: "referrals",
                column: "ReportId");

            migrationBuilder.AddForeignKey(
                name: "FK_report_items_AspNetUsers_AuthorId",
                table: "report_items",
                column: "AuthorId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_reports_AspNetUsers_AssignedToId",
                table: "reports",
                column: "AssignedToId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_reports_AspNetUsers_RecordedById",
                table: "reports",
                column: "RecordedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_reports_cases_CaseId",
                table: "reports",
                column: "CaseId",
                principalTable: "cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_reports_organisations_OrganisationId",
                table: "reports",
                column: "OrganisationId",
                principalTable: "organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_report_items_AspNetUsers_AuthorId",
                table: "report_items");

            migrationBuilder.DropForeignKey(
                name: "FK_reports_AspNetUsers_AssignedToId",
                table: "reports");

            migrationBuilder.DropForeignKey(
                name: "FK_reports_AspNetUsers_RecordedById",
                table: "reports");

            migrationBuilder.DropForeignKey(
                name: "FK_reports_cases_CaseId",
                table: "reports");

            migrationBuilder.DropForeignKey(
                name: "FK_reports_organisations_OrganisationId",
                table: "reports");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropIndex(
                name: "IX_reports_AssignedToId",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "IX_reports_CaseId",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "IX_reports_OrganisationId",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "IX_reports_RecordedById",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "IX_reports_Status_UrgencyLevel_ReceivedAt_Id",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "IX_reports_UrgencyLevel_ReceivedAt_Id",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "IX_report_items_AuthorId",
                table: "report_items");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Actor_At",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Record_At",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "AssignedToId",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "CallMinutes",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "InterpreterUsed",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "RecordedById",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "AuthorId",
                table: "report_items");

            migrationBuilder.CreateIndex(
                name: "IX_reports_UrgencyLevel_ReceivedAt",
                table: "reports",
                columns: new[] { "UrgencyLevel", "ReceivedAt" });
        }
    }
}
