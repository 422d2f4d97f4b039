using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Web.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CodeReplay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastCodeStep",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastCodeStep",
                table: "AspNetUsers");
        }
    }
}
