using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Web.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReferralWithdrawalAndDismissal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_referrals_OrganisationId_ReportId",
                table: "referrals");

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WithdrawnById",
                table: "referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "referral_dismissals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    RuleId = table.Column<int>(type: "integer", nullable: true),
                    RuleName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DismissedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DismissedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_dismissals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referral_dismissals_AspNetUsers_DismissedById",
                        column: x => x.DismissedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_referral_dismissals_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_referral_dismissals_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_referral_dismissals_routing_rules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "routing_rules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_OrganisationId_ReportId",
                table: "referrals",
                columns: new[] { "OrganisationId", "ReportId" },
                unique: true,
                filter: "\"State\" <> 'withdrawn'");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_WithdrawnById",
                table: "referrals",
                column: "WithdrawnById");

            migrationBuilder.CreateIndex(
                name: "IX_referral_dismissals_DismissedById",
                table: "referral_dismissals",
                column: "DismissedById");

            migrationBuilder.CreateIndex(
                name: "IX_referral_dismissals_OrganisationId",
                table: "referral_dismissals",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_referral_dismissals_ReportId_OrganisationId",
                table: "referral_dismissals",
                columns: new[] { "ReportId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referral_dismissals_RuleId",
                table: "referral_dismissals",
                column: "RuleId");

            migrationBuilder.AddForeignKey(
                name: "FK_referrals_AspNetUsers_WithdrawnById",
                table: "referrals",
                column: "WithdrawnById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_referrals_AspNetUsers_WithdrawnById",
                table: "referrals");

            migrationBuilder.DropTable(
                name: "referral_dismissals");

            migrationBuilder.DropIndex(
                name: "IX_referrals_OrganisationId_ReportId",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "IX_referrals_WithdrawnById",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "WithdrawnById",
                table: "referrals");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_OrganisationId_ReportId",
                table: "referrals",
                columns: new[] { "OrganisationId", "ReportId" },
                unique: true);
        }
    }
}
